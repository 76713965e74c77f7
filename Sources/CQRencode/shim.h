#ifndef PORTAL_CQRENCODE_SHIM_H
#define PORTAL_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
