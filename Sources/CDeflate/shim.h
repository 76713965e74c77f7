#ifndef PORTAL_CDEFLATE_SHIM_H
#define PORTAL_CDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
