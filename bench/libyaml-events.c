/* libyaml-events.c: the peer of `runbook-bench load`: libyaml's bare event parse of a file,
 * every event pulled and freed, nothing built. Prints the best of REPEAT runs and peak RSS.
 * Build and run: cc -O2 bench/libyaml-events.c -lyaml -o /tmp/libyaml-events && /tmp/libyaml-events FILE [REPEAT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <yaml.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s FILE [REPEAT]\n", argv[0]); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 1; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? size : 1);
    if (fread(bytes, 1, size, file) != (size_t)size) { perror("read"); return 1; }
    fclose(file);
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best = 1e12;
    long events = 0;
    for (int run = 0; run < repeat; run++) {
        double start = now();
        yaml_parser_t parser;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, bytes, size);
        events = 0;
        for (;;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser, &event)) { fprintf(stderr, "parse error\n"); return 1; }
            int done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            events++;
            if (done) break;
        }
        yaml_parser_delete(&parser);
        double elapsed = now() - start;
        if (elapsed < best) best = elapsed;
    }
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    printf("libyaml events: %ld events, %.2f MiB, best of %d: %.1f ms, peak RSS %.1f MiB\n",
           events, size / 1048576.0, repeat, best, usage.ru_maxrss / 1024.0);
    return 0;
}
