/* crm-field-type.c — being written */
