/* crm-money.c — being written */
