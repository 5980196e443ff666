/* idle_connections <count>: memory per idle tcp connection. A ROUTER binds; count DEALERs in the same process
   connect and send one message each, which the ROUTER receives (every connection is then set up, both ends in
   this process). Prints "connections: N" and "memory per connection: N [B]": the growth of the resident set
   (/proc/self/statm) divided by N, so each figure covers both ends of one connection. */
#include <unistd.h>
#include "perf.h"

static long resident_bytes (void)
{
    long size, resident;
    FILE *f = fopen ("/proc/self/statm", "r");
    if (!f || fscanf (f, "%ld %ld", &size, &resident) != 2) {
        fprintf (stderr, "cannot read /proc/self/statm\n");
        exit (1);
    }
    fclose (f);
    return resident * sysconf (_SC_PAGESIZE);
}

int main (int argc, char *argv[])
{
    if (argc != 2) {
        printf ("usage: idle_connections <count>\n");
        return 1;
    }
    long count = perf_arg (argv[1], "count");
    void *ctx = perf_ctx ();
    PERF_CHECK (zmq_ctx_set (ctx, ZMQ_MAX_SOCKETS, (int) count + 16), "MAX_SOCKETS");
    void *router = perf_socket (ctx, ZMQ_ROUTER);
    PERF_CHECK (zmq_bind (router, "tcp://127.0.0.1:*"), "zmq_bind");
    char endpoint[256];
    size_t len = sizeof endpoint;
    PERF_CHECK (zmq_getsockopt (router, ZMQ_LAST_ENDPOINT, endpoint, &len), "LAST_ENDPOINT");

    long before = resident_bytes ();
    void **dealers = malloc (sizeof (void *) * (size_t) count);
    for (long i = 0; i < count; i++) {
        dealers[i] = perf_socket (ctx, ZMQ_DEALER);
        PERF_CHECK (zmq_connect (dealers[i], endpoint), "zmq_connect");
        PERF_CHECK (zmq_send (dealers[i], "hi", 2, 0), "zmq_send");
    }
    char buf[256];
    for (long i = 0; i < count; i++) {
        PERF_CHECK (zmq_recv (router, buf, sizeof buf, 0), "zmq_recv"); /* routing id */
        PERF_CHECK (zmq_recv (router, buf, sizeof buf, 0), "zmq_recv"); /* "hi" */
    }
    long after = resident_bytes ();

    printf ("connections: %ld\n", count);
    printf ("memory per connection: %ld [B]\n", (after - before) / (count > 0 ? count : 1));
    for (long i = 0; i < count; i++) {
        int zero = 0;
        zmq_setsockopt (dealers[i], ZMQ_LINGER, &zero, sizeof zero);
        zmq_close (dealers[i]);
    }
    free (dealers);
    zmq_close (router);
    zmq_ctx_term (ctx);
    return 0;
}
