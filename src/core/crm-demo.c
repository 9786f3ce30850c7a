/* crm-demo.c — being written */
