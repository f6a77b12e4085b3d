package org.slacast.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slacast.core.health.DeskHealth;
import org.slacast.core.health.HealthReading;
import org.slacast.serving.dashboard.HealthPages;
import org.slacast.serving.dashboard.SnapshotFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled snapshot: once the queue's clock passes a day's {@code at} (local time), the day before is written
 * as {@code slacast snapshot} writes it. A day already in the directory is not written again, so a restart neither
 * skips nor repeats one; on the desk's clock a replay writes each day it passes.
 */
final class DailySnapshots implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DailySnapshots.class);

    private final LiveDesk desk;
    private final ScoringService scoring;
    private final QueueView queue;
    private final Path dir;
    private final LocalTime at;
    private final ZoneId zone;
    private final Thread thread;
    private volatile boolean running = true;
    private LocalDate written;

    DailySnapshots(LiveDesk desk, ScoringService scoring, QueueView queue, Path dir, LocalTime at, ZoneId zone) {
        this.desk = desk;
        this.scoring = scoring;
        this.queue = queue;
        this.dir = dir;
        this.at = at;
        this.zone = zone;
        thread = Thread.ofPlatform().name("daily-snapshots").daemon(true).start(this::run);
    }

    private void run() {
        while (running) {
            try {
                look();
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("snapshot: cannot write to {} ({}); trying again in a minute", dir, e.getMessage());
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Writes the day before the clock's, once the clock has passed its {@code at}. */
    void look() {
        Instant now = queue.clock();
        ActiveModel.Loaded m = scoring.active();
        if (m == null || now.equals(Instant.EPOCH)) {
            return;
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = now.atZone(zone).toLocalTime().isBefore(at) ? today.minusDays(2) : today.minusDays(1);
        if (day.equals(written) || Files.exists(dir.resolve("snapshot-" + day + ".csv"))) {
            written = day;
            return;
        }
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
        DeskHealth h = HealthReading.of(desk.heldData(), scoring.policies(), m.bundle().manifest().schema().metric(),
                end, zone);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("as_of", end.toString());
        header.put("date", day.toString());
        header.put("metric", h.metric());
        header.put("zone", zone.getId());
        SnapshotFiles.write(dir, "snapshot-" + day, header, SnapshotFiles.figures(h),
                HealthPages.document(h, "Desk health on " + day));
        written = day;
        LOG.info("snapshot: {} written to {}", day, dir);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
