/* inproc_lat <message-size> <roundtrip-count>: REQ (timed, this thread) and a REP echo thread over
   inproc://lat_test; prints what remote_lat prints. */
#include <pthread.h>
#include "perf.h"

static void *ctx;
static size_t message_size;
static long roundtrip_count;

static void *echo (void *unused)
{
    (void) unused;
    void *s = perf_socket (ctx, ZMQ_REP);
    PERF_CHECK (zmq_connect (s, "inproc://lat_test"), "zmq_connect");
    zmq_msg_t msg;
    PERF_CHECK (zmq_msg_init (&msg), "zmq_msg_init");
    for (long i = 0; i < roundtrip_count; i++) {
        perf_recv_sized (s, &msg, message_size);
        PERF_CHECK (zmq_msg_send (&msg, s, 0), "zmq_msg_send");
    }
    zmq_msg_close (&msg);
    PERF_CHECK (zmq_close (s), "zmq_close");
    return NULL;
}

int main (int argc, char *argv[])
{
    if (argc != 3) {
        printf ("usage: inproc_lat <message-size> <roundtrip-count>\n");
        return 1;
    }
    message_size = (size_t) perf_arg (argv[1], "message-size");
    roundtrip_count = perf_arg (argv[2], "roundtrip-count");

    ctx = perf_ctx ();
    void *s = perf_socket (ctx, ZMQ_REQ);
    PERF_CHECK (zmq_bind (s, "inproc://lat_test"), "zmq_bind");

    pthread_t thread;
    if (pthread_create (&thread, NULL, echo, NULL) != 0) {
        fprintf (stderr, "error in pthread_create\n");
        return 1;
    }

    zmq_msg_t msg;
    PERF_CHECK (zmq_msg_init_size (&msg, message_size), "zmq_msg_init_size");
    memset (zmq_msg_data (&msg), 0, message_size);
    void *watch = zmq_stopwatch_start ();
    for (long i = 0; i < roundtrip_count; i++) {
        PERF_CHECK (zmq_msg_send (&msg, s, 0), "zmq_msg_send");
        perf_recv_sized (s, &msg, message_size);
    }
    unsigned long elapsed = zmq_stopwatch_stop (watch);
    zmq_msg_close (&msg);
    pthread_join (thread, NULL);

    perf_print_lat (message_size, roundtrip_count, elapsed);

    PERF_CHECK (zmq_close (s), "zmq_close");
    PERF_CHECK (zmq_ctx_term (ctx), "zmq_ctx_term");
    return 0;
}
