/* crm-locale.c — being written */
