#ifndef CLAIMDESK_CLIBPQ_SHIM_H
#define CLAIMDESK_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#include <errno.h>
#include <poll.h>

/* Swift does not import the PG_DIAG_* macros (they are character literals), so copy them as constants. */
static const int CLIBPQ_DIAG_SEVERITY = 'S';
static const int CLIBPQ_DIAG_SEVERITY_NONLOCALIZED = 'V';
static const int CLIBPQ_DIAG_SQLSTATE = 'C';
static const int CLIBPQ_DIAG_MESSAGE_PRIMARY = 'M';
static const int CLIBPQ_DIAG_MESSAGE_DETAIL = 'D';
static const int CLIBPQ_DIAG_MESSAGE_HINT = 'H';
static const int CLIBPQ_DIAG_STATEMENT_POSITION = 'P';
static const int CLIBPQ_DIAG_CONTEXT = 'W';
static const int CLIBPQ_DIAG_SCHEMA_NAME = 's';
static const int CLIBPQ_DIAG_TABLE_NAME = 't';
static const int CLIBPQ_DIAG_COLUMN_NAME = 'c';
static const int CLIBPQ_DIAG_DATATYPE_NAME = 'd';
static const int CLIBPQ_DIAG_CONSTRAINT_NAME = 'n';

/* Waits for the connection socket during PQconnectPoll (Swift cannot portably call poll() with its macros).
   Returns >0 when ready, 0 on timeout, <0 on error. timeout_ms < 0 waits forever. */
static inline int clibpq_wait_socket(int fd, int for_write, int timeout_ms) {
    struct pollfd p;
    int rc;
    p.fd = fd;
    p.events = for_write ? POLLOUT : POLLIN;
    p.revents = 0;
    do {
        rc = poll(&p, 1, timeout_ms);
    } while (rc < 0 && errno == EINTR);
    return rc;
}
#endif
