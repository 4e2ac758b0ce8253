package kr.qfeedback.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes one connection once no request has been in progress on it for the idle timeout. A request
 * is in progress from its complete head to its written answer, so a client that sends nothing, or
 * only part of a request's head, is closed after the timeout, and so is a kept-alive connection left
 * unused; long rules work is never cut off by it. One timer per connection, re-armed when it fires.
 */
final class IdleWatch {
    private final Vertx vertx;
    private final HttpConnection connection;
    private final long idleMillis;
    private final AtomicInteger inProgress = new AtomicInteger();
    private volatile long idleSince = System.nanoTime();
    private volatile long timer;
    private volatile boolean stopped;

    IdleWatch(Vertx vertx, HttpConnection connection, long idleMillis) {
        this.vertx = vertx;
        this.connection = connection;
        this.idleMillis = idleMillis;
        arm(idleMillis);
    }

    void requestBegins() {
        inProgress.incrementAndGet();
    }

    void requestEnds() {
        if (inProgress.decrementAndGet() == 0) {
            idleSince = System.nanoTime();
        }
    }

    void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    private void arm(long millis) {
        timer = vertx.setTimer(Math.max(1, millis), id -> check());
    }

    private void check() {
        if (stopped) {
            return;
        }
        if (inProgress.get() > 0) {
            arm(idleMillis);
            return;
        }
        long idleFor = (System.nanoTime() - idleSince) / 1_000_000;
        if (idleFor >= idleMillis) {
            connection.close();
        } else {
            arm(idleMillis - idleFor);
        }
    }
}
