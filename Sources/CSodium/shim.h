#ifndef WAYMARK_CSODIUM_SHIM_H
#define WAYMARK_CSODIUM_SHIM_H
#include <sodium.h>
#endif
