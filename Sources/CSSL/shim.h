#ifndef RUNBOOK_CSSL_SHIM_H
#define RUNBOOK_CSSL_SHIM_H
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#endif
