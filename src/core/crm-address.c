/* crm-address.c — being written */
