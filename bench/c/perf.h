/*
 * Helpers shared by the libzmq side of the benchmark tools: argument checks, error exits and the result lines,
 * printed exactly as libzmq's perf/ tools print them so that any two implementations' outputs compare directly.
 */
#ifndef ZMQ4J_BENCH_PERF_H
#define ZMQ4J_BENCH_PERF_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

/* Prints which call failed and libzmq's reason, then exits with status 1. */
static void perf_die (const char *call)
{
    fprintf (stderr, "error in %s: %s\n", call, zmq_strerror (zmq_errno ()));
    exit (1);
}

#define PERF_CHECK(rc, call)                                                   \
    do {                                                                       \
        if ((rc) == -1)                                                        \
            perf_die (call);                                                   \
    } while (0)

/* A new context; exits if libzmq cannot make one. */
static inline void *perf_ctx (void)
{
    void *ctx = zmq_ctx_new ();
    if (!ctx)
        perf_die ("zmq_ctx_new");
    return ctx;
}

/* A new socket of `type` in `ctx`; exits if libzmq refuses. */
static inline void *perf_socket (void *ctx, int type)
{
    void *s = zmq_socket (ctx, type);
    if (!s)
        perf_die ("zmq_socket");
    return s;
}

/* Parses a non-negative count or size argument; exits on anything else. */
static inline long perf_arg (const char *value, const char *name)
{
    char *end;
    long n = strtol (value, &end, 10);
    if (*value == '\0' || *end != '\0' || n < 0) {
        fprintf (stderr, "bad %s: %s\n", name, value);
        exit (1);
    }
    return n;
}

/* The optional <enable_curve> argument of libzmq's tools: 1 turns CURVE on with their fixed keys. */
static inline int perf_curve_flag (int argc, char *argv[], int curve_index)
{
    return argc > curve_index && atoi (argv[curve_index]) != 0;
}

/* libzmq perf tools' fixed CURVE keys (Z85), so these tools pair with zmq4j's and libzmq's own. */
#define PERF_SERVER_PUBLIC "DX4nh=yUn{-9ugra0X3Src4SU-4xTgqxcYY.+<SH"
#define PERF_SERVER_SECRET "{X}#>t#jRGaQ}gMhv=30r(Mw+87YGs+5%kh=i@f8"
#define PERF_CLIENT_PUBLIC "<n^oA}I:66W+*ds3tAmi1+KJzv-}k&fC2aA5Bj0K"
#define PERF_CLIENT_SECRET "9R9bV}[6z6DC-%$!jTVTKvWc=LEL{4i4gzUe$@Zx"

/* The binding side is the CURVE server, the connecting side its client, as in libzmq's perf tools. */
static inline void perf_curve (void *socket, int server)
{
    if (server) {
        int on = 1;
        PERF_CHECK (zmq_setsockopt (socket, ZMQ_CURVE_SECRETKEY, PERF_SERVER_SECRET, 40), "CURVE_SECRETKEY");
        PERF_CHECK (zmq_setsockopt (socket, ZMQ_CURVE_SERVER, &on, sizeof on), "CURVE_SERVER");
    } else {
        PERF_CHECK (zmq_setsockopt (socket, ZMQ_CURVE_SERVERKEY, PERF_SERVER_PUBLIC, 40), "CURVE_SERVERKEY");
        PERF_CHECK (zmq_setsockopt (socket, ZMQ_CURVE_PUBLICKEY, PERF_CLIENT_PUBLIC, 40), "CURVE_PUBLICKEY");
        PERF_CHECK (zmq_setsockopt (socket, ZMQ_CURVE_SECRETKEY, PERF_CLIENT_SECRET, 40), "CURVE_SECRETKEY");
    }
}

static inline void perf_set_int (void *socket, int option, int value, const char *name)
{
    PERF_CHECK (zmq_setsockopt (socket, option, &value, sizeof value), name);
}

/* local_thr's four lines; the clock covered message_count messages (it started at the first one). */
static inline void perf_print_thr (size_t message_size, long message_count, unsigned long elapsed_us)
{
    if (elapsed_us == 0)
        elapsed_us = 1;
    unsigned long throughput =
      (unsigned long) ((double) message_count / (double) elapsed_us * 1000000);
    double megabits = (double) (throughput * message_size * 8) / 1000000;
    printf ("message size: %d [B]\n", (int) message_size);
    printf ("message count: %d\n", (int) message_count);
    printf ("mean throughput: %d [msg/s]\n", (int) throughput);
    printf ("mean throughput: %.3f [Mb/s]\n", (double) megabits);
}

/* remote_lat's three lines; latency is one way: the elapsed time over twice the number of round trips. */
static inline void perf_print_lat (size_t message_size, long roundtrip_count, unsigned long elapsed_us)
{
    double latency = (double) elapsed_us / (roundtrip_count * 2);
    printf ("message size: %d [B]\n", (int) message_size);
    printf ("roundtrip count: %d\n", (int) roundtrip_count);
    printf ("average latency: %.3f [us]\n", (double) latency);
}

/* Receives one message into msg and checks its size; exits on a wrong size. */
static inline void perf_recv_sized (void *socket, zmq_msg_t *msg, size_t message_size)
{
    PERF_CHECK (zmq_msg_recv (msg, socket, 0), "zmq_msg_recv");
    if (zmq_msg_size (msg) != message_size) {
        fprintf (stderr, "message of incorrect size received\n");
        exit (1);
    }
}

/* Sends one new message of message_size bytes, as libzmq's tools do (a fresh zmq_msg_t per message). */
static inline void perf_send_new (void *socket, size_t message_size)
{
    zmq_msg_t msg;
    PERF_CHECK (zmq_msg_init_size (&msg, message_size), "zmq_msg_init_size");
    memset (zmq_msg_data (&msg), 0, message_size);
    PERF_CHECK (zmq_msg_send (&msg, socket, 0), "zmq_msg_send");
}

#endif
