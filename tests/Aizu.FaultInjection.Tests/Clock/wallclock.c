/*
 * Preloaded into one gateway process by the clock tests (SteppedWallClock.cs): shifts the wall clock only
 * (CLOCK_REALTIME and its coarse variant, gettimeofday, time) by the whole seconds in $AIZU_WALLCLOCK_OFFSET_FILE,
 * as a clock stepped by NTP or set wrong at boot is. The monotonic clocks and every timed wait are left alone, as a
 * real step leaves them. (libfaketime 0.9.10 also rewrites the .NET runtime's timed waits on monotonic condition
 * variables as if they were on the wall clock, which froze or spun them: see docs/reliability.md.)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int (*real_clock_gettime)(clockid_t, struct timespec *);
static long long offset;
static long long read_at_ns = -1;

/* The file is read at most every 20 ms (by the monotonic clock), so a step lands at once but the gateway, which reads
   the clock often, does not open a file each time. */
static long long offset_seconds(void)
{
    struct timespec now;
    real_clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    long long ns = now.tv_sec * 1000000000LL + now.tv_nsec;
    if (read_at_ns >= 0 && ns - read_at_ns < 20000000LL)
        return __atomic_load_n(&offset, __ATOMIC_RELAXED);

    const char *path = getenv("AIZU_WALLCLOCK_OFFSET_FILE");
    int fd = path == NULL ? -1 : open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0)
    {
        char text[32];
        ssize_t n = read(fd, text, sizeof text - 1);
        close(fd);
        if (n > 0)
        {
            text[n] = 0;
            __atomic_store_n(&offset, strtoll(text, NULL, 10), __ATOMIC_RELAXED);
        }
    }

    read_at_ns = ns;
    return __atomic_load_n(&offset, __ATOMIC_RELAXED);
}

int clock_gettime(clockid_t clock, struct timespec *tp)
{
    if (real_clock_gettime == NULL)
        real_clock_gettime = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
    int result = real_clock_gettime(clock, tp);
    if (result == 0 && (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE))
        tp->tv_sec += offset_seconds();
    return result;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    struct timespec now;
    int result = clock_gettime(CLOCK_REALTIME, &now);
    if (result == 0)
    {
        tv->tv_sec = now.tv_sec;
        tv->tv_usec = now.tv_nsec / 1000;
    }

    (void)tz;
    return result;
}

time_t time(time_t *out)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (out != NULL)
        *out = now.tv_sec;
    return now.tv_sec;
}
