/* crm-phone.c — being written */
