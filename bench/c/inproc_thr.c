/* inproc_thr <message-size> <message-count>: a PUSH thread sends to a PULL over inproc://thr_test; prints what
   local_thr prints. */
#include <pthread.h>
#include "perf.h"

static void *ctx;
static size_t message_size;
static long message_count;

static void *sender (void *unused)
{
    (void) unused;
    void *s = perf_socket (ctx, ZMQ_PUSH);
    PERF_CHECK (zmq_connect (s, "inproc://thr_test"), "zmq_connect");
    for (long i = 0; i < message_count; i++)
        perf_send_new (s, message_size);
    PERF_CHECK (zmq_close (s), "zmq_close");
    return NULL;
}

int main (int argc, char *argv[])
{
    if (argc != 3) {
        printf ("usage: inproc_thr <message-size> <message-count>\n");
        return 1;
    }
    message_size = (size_t) perf_arg (argv[1], "message-size");
    message_count = perf_arg (argv[2], "message-count");

    ctx = perf_ctx ();
    void *s = perf_socket (ctx, ZMQ_PULL);
    PERF_CHECK (zmq_bind (s, "inproc://thr_test"), "zmq_bind");

    pthread_t thread;
    if (pthread_create (&thread, NULL, sender, NULL) != 0) {
        fprintf (stderr, "error in pthread_create\n");
        return 1;
    }

    zmq_msg_t msg;
    PERF_CHECK (zmq_msg_init (&msg), "zmq_msg_init");
    perf_recv_sized (s, &msg, message_size);
    void *watch = zmq_stopwatch_start ();
    for (long i = 1; i < message_count; i++)
        perf_recv_sized (s, &msg, message_size);
    unsigned long elapsed = zmq_stopwatch_stop (watch);
    zmq_msg_close (&msg);
    pthread_join (thread, NULL);

    perf_print_thr (message_size, message_count, elapsed);

    PERF_CHECK (zmq_close (s), "zmq_close");
    PERF_CHECK (zmq_ctx_term (ctx), "zmq_ctx_term");
    return 0;
}
