package org.slotbridge.it;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Visitors racing for the same openings, each on a thread of its own. Every round a visitor lists the
 * earliest openings of a range of dates, picks one of the first few at random, holds it and sends a request
 * on the hold; so most of them pick the same times, and most holds are refused (409). With several nodes,
 * each of the three calls of a round goes to the next node in turn, so a hold taken on one node becomes a
 * request on another. Only a request a node acknowledged (2xx) is recorded as done; a call that got no
 * answer, from a node killed meanwhile, is counted as unanswered, and the visitor carries on with the
 * other nodes.
 */
final class Visitors {

    /** How many of the earliest openings each visitor picks from. */
    private static final int CHOICE = 6;

    /** A request a node answered with 201: its id, the token of its client's link, the node that answered. */
    record Ack(String id, String token, String node) {
    }

    private final String slug;
    private final List<Node> nodes;
    private final LocalDate from;
    private final LocalDate to;
    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    /** Visitors of one practice who want a visit between two local dates, calling the nodes in turn. */
    Visitors(String slug, List<Node> nodes, LocalDate from, LocalDate to) {
        this.slug = slug;
        this.nodes = List.copyOf(nodes);
        this.from = from;
        this.to = to;
    }

    /** Starts that many visitors; each goes on until {@link #stop} or until no opening is left. */
    Visitors start(int count) {
        for (int i = 0; i < count; i++) {
            int visitor = threads.size();
            Thread thread = new Thread(() -> visit(visitor), "visitor-" + visitor);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /** Stops every visitor after the call it is making, and waits for them. */
    void stop() {
        stopped = true;
        for (Thread thread : threads) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not stop within a minute");
            }
        }
    }

    int acknowledged() {
        return acks.size();
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** The requests a given node acknowledged. */
    List<Ack> acksOf(Node node) {
        return acks.stream().filter(ack -> ack.node().equals(node.name())).toList();
    }

    /** Answers other than 2xx and 409, each with its call and body: none is expected. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Holds and requests refused with 409: the race lost. */
    int refused() {
        return refused.get();
    }

    /** Calls that got no answer at all. */
    int unanswered() {
        return unanswered.get();
    }

    private void visit(int visitor) {
        Turns turns = new Turns(visitor);
        String base = "api/v1/practices/" + slug + "/";
        for (int round = 1; !stopped; round++) {
            try {
                Api.Answer list = turns.call(api -> api.get(base + "openings?reason=" + Practices.REASON
                        + "&from=" + from + "&to=" + to + "&limit=" + CHOICE));
                if (!expected(list, "openings", 200)) {
                    continue;
                }
                JsonNode openings = list.body().get("openings");
                if (openings.isEmpty()) {
                    return;
                }
                JsonNode opening = openings.get(ThreadLocalRandom.current().nextInt(openings.size()));
                Api.Answer hold = turns.call(api -> api.post(base + "holds", opening));
                if (!expected(hold, "hold", 201)) {
                    continue;
                }
                Map<String, String> form = Map.of("hold", hold.body().get("id").asText(),
                        "email", "visitor-" + visitor + "-" + round + "@" + slug + ".example",
                        "phone", "+1 555 0" + (100 + visitor),
                        "privacyCode", "4711", "clientName", "Visitor " + visitor, "memo", "Round " + round);
                Api.Answer request = turns.call(api -> api.post(base + "requests", form));
                if (expected(request, "request", 201)) {
                    acks.add(new Ack(request.body().get("id").asText(), request.body().get("token").asText(),
                            turns.answered()));
                }
            } catch (UncheckedIOException e) {
                unanswered.incrementAndGet();
                pause();
            } catch (RuntimeException e) {
                unexpected.add("visitor " + visitor + " round " + round + ": " + e);
            }
        }
    }

    /**
     * The nodes one visitor calls, each call to the next in turn, as a load balancer spreads them. A node that
     * did not answer is left out from then on, until none answers.
     */
    private final class Turns {

        private final List<Api> apis = nodes.stream().map(Node::api).toList();
        private final boolean[] down = new boolean[nodes.size()];
        private int next;
        private int last;

        Turns(int first) {
            next = first;
        }

        Api.Answer call(Function<Api, Api.Answer> call) {
            if (allDown()) {
                Arrays.fill(down, false);
            }
            int node;
            do {
                node = next++ % apis.size();
            } while (down[node]);
            try {
                Api.Answer answer = call.apply(apis.get(node));
                last = node;
                return answer;
            } catch (UncheckedIOException e) {
                down[node] = true;
                throw e;
            }
        }

        /** The node that gave the last answer. */
        String answered() {
            return nodes.get(last).name();
        }

        private boolean allDown() {
            for (boolean nodeDown : down) {
                if (!nodeDown) {
                    return false;
                }
            }
            return true;
        }
    }

    /** True for the status wanted; counts a 409 as a lost race and keeps anything else for the test. */
    private boolean expected(Api.Answer answer, String call, int wanted) {
        if (answer.status() == wanted) {
            return true;
        }
        if (answer.status() == 409) {
            refused.incrementAndGet();
        } else {
            unexpected.add(call + ": " + answer.status() + " " + answer.text());
        }
        return false;
    }

    /** A node that does not answer is not asked again at once. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
