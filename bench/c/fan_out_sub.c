/* fan_out_sub <connect-to> <sync-connect-to> <message-size> <message-count> <subscribers>: <subscribers> SUB
   sockets (RCVHWM 0) connect to fan_out_pub and one thread polls them all. When each has heard a probe it tells
   the publisher on the sync PUSH; it stops when each has received message-count data messages. The clock runs
   from the first data message; throughput counts every delivery (message-count x subscribers). */
#include "perf.h"

int main (int argc, char *argv[])
{
    if (argc != 6) {
        printf ("usage: fan_out_sub <connect-to> <sync-connect-to> <message-size> <message-count> <subscribers>\n");
        return 1;
    }
    const char *connect_to = argv[1];
    const char *sync_connect_to = argv[2];
    size_t message_size = (size_t) perf_arg (argv[3], "message-size");
    long message_count = perf_arg (argv[4], "message-count");
    long subscribers = perf_arg (argv[5], "subscribers");
    if (subscribers < 1) {
        fprintf (stderr, "subscribers must be at least 1\n");
        return 1;
    }

    void *ctx = perf_ctx ();
    zmq_pollitem_t *items = calloc ((size_t) subscribers, sizeof (zmq_pollitem_t));
    long *received = calloc ((size_t) subscribers, sizeof (long));
    char *probed = calloc ((size_t) subscribers, 1);
    for (long k = 0; k < subscribers; k++) {
        void *s = perf_socket (ctx, ZMQ_SUB);
        perf_set_int (s, ZMQ_RCVHWM, 0, "zmq_setsockopt(RCVHWM)");
        PERF_CHECK (zmq_setsockopt (s, ZMQ_SUBSCRIBE, "", 0), "zmq_setsockopt(SUBSCRIBE)");
        PERF_CHECK (zmq_connect (s, connect_to), "zmq_connect");
        items[k].socket = s;
        items[k].events = ZMQ_POLLIN;
    }
    void *sync = perf_socket (ctx, ZMQ_PUSH);
    PERF_CHECK (zmq_connect (sync, sync_connect_to), "zmq_connect");

    long probed_count = 0;
    long finished = 0;
    void *watch = NULL;
    zmq_msg_t msg;
    PERF_CHECK (zmq_msg_init (&msg), "zmq_msg_init");
    while (finished < subscribers) {
        PERF_CHECK (zmq_poll (items, (int) subscribers, -1), "zmq_poll");
        for (long k = 0; k < subscribers; k++) {
            if (!(items[k].revents & ZMQ_POLLIN))
                continue;
            while (zmq_msg_recv (&msg, items[k].socket, ZMQ_DONTWAIT) >= 0) {
                const char *data = (const char *) zmq_msg_data (&msg);
                if (zmq_msg_size (&msg) == 1 && data[0] == 'p') {
                    if (!probed[k]) {
                        probed[k] = 1;
                        if (++probed_count == subscribers)
                            PERF_CHECK (zmq_send (sync, "ready", 5, 0), "zmq_send");
                    }
                    continue;
                }
                if (zmq_msg_size (&msg) != message_size || data[0] != 'd') {
                    fprintf (stderr, "message of incorrect size received\n");
                    return 1;
                }
                if (!watch)
                    watch = zmq_stopwatch_start ();
                if (++received[k] == message_count)
                    finished++;
            }
            if (zmq_errno () != EAGAIN)
                perf_die ("zmq_msg_recv");
        }
    }
    unsigned long elapsed = zmq_stopwatch_stop (watch);
    zmq_msg_close (&msg);

    printf ("subscribers: %d\n", (int) subscribers);
    perf_print_thr (message_size, message_count * subscribers, elapsed);

    for (long k = 0; k < subscribers; k++)
        PERF_CHECK (zmq_close (items[k].socket), "zmq_close");
    PERF_CHECK (zmq_close (sync), "zmq_close");
    PERF_CHECK (zmq_ctx_term (ctx), "zmq_ctx_term");
    free (items);
    free (received);
    free (probed);
    return 0;
}
