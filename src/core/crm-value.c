/* crm-value.c — being written */
