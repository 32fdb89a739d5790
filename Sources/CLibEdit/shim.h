#ifndef READOUT_CLIBEDIT_SHIM_H
#define READOUT_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#endif
