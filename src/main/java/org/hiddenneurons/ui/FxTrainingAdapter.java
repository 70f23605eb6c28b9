package org.hiddenneurons.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.BackgroundPriority;
import org.hiddenneurons.train.InitialScoring;
import org.hiddenneurons.train.Pacing;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.work.BackgroundWork;

/**
 * The one place where work hops between background threads and the FX thread.
 *
 * <ul>
 *   <li>Training jobs run one after another on one daemon thread ({@value #TRAINING_THREAD}).
 *       The trainer publishes at most every {@value #PUBLISH_INTERVAL_MILLIS} ms; its
 *       listener puts the latest snapshot (with its network copy) into an {@link AtomicReference}
 *       and a network-free copy of its numbers into a queue (so the charts miss no published
 *       snapshot). An {@link AnimationTimer} takes both at most once per pulse and hands them
 *       to the {@link TrainingEngine.Listener} (the view model): at most one update per frame,
 *       however fast training runs. The timer runs only while jobs are active.</li>
 *   <li>One-off background work (loading data, reading and writing model files) runs in order on a
 *       lane of the window's {@link BackgroundWork}, which also runs the views' work and owns
 *       every hop back onto the FX thread.</li>
 * </ul>
 * Public methods are called on the FX thread.
 */
public final class FxTrainingAdapter implements TrainingEngine {

    static final String TRAINING_THREAD = "hn-training";
    /**
     * The trainer publishes at most one snapshot per this many ms (its first and last always). Each
     * snapshot costs the training thread a scoring pass over all train and test samples (5000 forward
     * passes: ~60 % of the arithmetic of a 400-25-10 epoch, 4000 forward and backward passes) and the
     * FX thread a repaint of the tiles, charts and status. Five per second keep the tiles and the
     * curves visibly moving; against ten per second, on 2 cores with software rendering, they cut
     * the frame-interval p95 from 23.1 to 19.2 ms and the training speed went from 0.87 to 0.96 of
     * the CLI's (medians of 5–6 runs each; BENCHMARKS.md, "The window while training"). Slow motion
     * (an epoch delay of this much or more) and Step still show every epoch. The per-frame
     * coalescing below stays for slower intervals and fast machines.
     */
    static final long PUBLISH_INTERVAL_MILLIS = 200;
    /**
     * A run of N epochs publishes at least about this many snapshots, however fast it goes (every
     * ⌈N / this⌉ epochs), so the default 22-epoch run, done in about a second, still draws its
     * curves with ~11 points; long runs are paced by {@link #PUBLISH_INTERVAL_MILLIS}.
     */
    static final int MIN_SNAPSHOTS_PER_RUN = 12;

    /** Epochs between snapshots for a run of {@code epochs} epochs (see {@link #MIN_SNAPSHOTS_PER_RUN}). */
    static int epochStride(int epochs) {
        return Math.max(1, (epochs + MIN_SNAPSHOTS_PER_RUN - 1) / MIN_SNAPSHOTS_PER_RUN);
    }

    /**
     * System property: {@code background} runs training and loading at the OS's background
     * priority ({@link BackgroundPriority}). Smoother frames while training (p95 17.6 against
     * 23.1 ms at ten snapshots per second), but ~20 % slower training on 2 cores, and almost no
     * training at all while other programs keep every core busy; so not the default.
     */
    static final String PRIORITY_PROPERTY = "hiddenneurons.trainerPriority";
    /**
     * Threads that score a snapshot: one, so that scoring never waits for a worker thread on the
     * core the FX and render threads need (2-core machines are the classroom norm).
     */
    static final int SCORING_THREADS = 1;

    private enum Kind { SNAPSHOT, FINISHED, FAILED }

    private record Report(long trainerId, Kind kind, TrainingSnapshot snapshot, Throwable error) {
    }

    private record Latest(long trainerId, TrainingSnapshot snapshot) {
    }

    /** One trainer's life; its trainer is created and used on the training thread only. */
    private static final class Session {
        final long id;
        final TrainingConfig config;
        final Network start;
        final Split data;
        /** A hand-driven step session: constant α (no planned end to anneal towards). */
        final boolean stepping;
        volatile Trainer trainer;
        volatile boolean cancelled;
        volatile boolean paused;
        /** For step sessions: the network of the last finished step (set on the FX thread). */
        Network lastResult;

        Session(long id, TrainingConfig config, Network start, Split data, boolean stepping) {
            this.id = id;
            this.stepping = stepping;
            this.config = config;
            this.start = start;
            this.data = data;
        }
    }

    /**
     * Nice value of the training thread of a run shown beside another (Compare runs: two trainers
     * would otherwise take both cores of a 2-core machine from the FX and render threads). At nice
     * 10 the window's threads run first whenever they wake up; the trainers keep every cycle the
     * window leaves. The workbench's single trainer keeps nice 0 (one core stays free for the window).
     */
    static final int SIDE_BY_SIDE_NICENESS = 10;

    /** 0: the training thread keeps the normal priority; else its nice value (read when the thread starts). */
    private final int trainerNiceness;
    private final ExecutorService training = Executors.newSingleThreadExecutor(daemon(TRAINING_THREAD, this::trainerNiceness));
    private final BackgroundWork views = new BackgroundWork();
    private final BackgroundWork.Lane loading = views.lane();
    private final AtomicReference<Latest> latest = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Report> reports = new ConcurrentLinkedQueue<>();
    private final AtomicInteger activeJobs = new AtomicInteger();
    private final AtomicLong nextTrainerId = new AtomicLong(1);
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            deliver();
        }
    };

    /** An adapter whose training thread runs at the normal priority (the workbench's). */
    public FxTrainingAdapter() {
        this(0);
    }

    /** @param trainerNiceness 0, or the training thread's nice value 1..19 (e.g. {@link #SIDE_BY_SIDE_NICENESS}) */
    FxTrainingAdapter(int trainerNiceness) {
        if (trainerNiceness < 0 || trainerNiceness > 19) {
            throw new IllegalArgumentException("trainer niceness must be in 0..19, got " + trainerNiceness);
        }
        this.trainerNiceness = trainerNiceness;
    }

    private int trainerNiceness() {
        return trainerNiceness;
    }

    private TrainingEngine.Listener listener;
    private volatile long epochDelayMillis;
    private volatile Pacing pacing = Pacing.FULL_SPEED;
    private volatile long publishIntervalMillis = PUBLISH_INTERVAL_MILLIS;
    /** FX-thread time spent in {@link #deliver()} (the listener's work included), for the frame harness. */
    private long deliveryNanos;
    private long deliveries;
    private java.util.function.LongSupplier deliveryClock = System::nanoTime;
    /** The session the controls act on (the last one submitted). */
    private volatile Session current;
    private volatile StartProbe startProbe = StartProbe.NONE;
    /** The last step session, continued by the next step when nothing else happened in between. */
    private Session stepSession;
    private boolean pulseRunning;
    /**
     * A snapshot with weights whose numbers went out on this pulse: it goes out on the next pulse
     * (unless a newer one or the run's end supersedes it). FX thread only.
     */
    private Latest heldBack;
    private boolean shutDown;

    @Override
    public void setListener(TrainingEngine.Listener listener) {
        this.listener = listener;
    }

    @Override
    public long run(TrainingConfig config, Network start, Split data) {
        Session session = new Session(nextTrainerId.getAndIncrement(), config, start.copy(), data, false);
        current = session;
        stepSession = null;
        submit(() -> {
            Trainer trainer = createTrainer(session);
            if (session.cancelled) {
                return null;
            }
            return trainer.run();
        }, session);
        return session.id;
    }

    @Override
    public long step(TrainingConfig config, Network start, Split data) {
        Session session = stepSession;
        boolean continues = session != null && !session.cancelled && session.lastResult == start
                && session.config.equals(config) && session.data == data;
        if (!continues) {
            session = new Session(nextTrainerId.getAndIncrement(), config, start.copy(), data, true);
            stepSession = session;
        }
        Session stepping = session;
        current = stepping;
        submit(() -> {
            Trainer trainer = stepping.trainer != null ? stepping.trainer : createTrainer(stepping);
            if (stepping.cancelled) {
                return null;
            }
            return trainer.step();
        }, stepping);
        return stepping.id;
    }

    @Override
    public void pause() {
        Session session = current;
        if (session != null) {
            synchronized (session) {
                session.paused = true;
                Trainer trainer = session.trainer;
                if (trainer != null) {
                    trainer.pause();
                }
            }
        }
    }

    @Override
    public void resume() {
        Session session = current;
        if (session != null) {
            synchronized (session) {
                session.paused = false;
                Trainer trainer = session.trainer;
                if (trainer != null) {
                    trainer.resume();
                }
            }
        }
    }

    @Override
    public void cancel() {
        Session session = current;
        if (session != null) {
            session.cancelled = true;
            Trainer trainer = session.trainer;
            if (trainer != null) {
                trainer.cancel();
            }
        }
        stepSession = null;
    }

    @Override
    public void setEpochDelayMillis(long millis) {
        epochDelayMillis = millis;
        Session session = current;
        Trainer trainer = session == null ? null : session.trainer;
        if (trainer != null) {
            trainer.setEpochDelayMillis(millis);
        }
    }

    @Override
    public void setPacing(Pacing newPacing) {
        pacing = newPacing;
        Session session = current;
        Trainer trainer = session == null ? null : session.trainer;
        if (trainer != null) {
            trainer.setPacing(newPacing);
        }
    }

    /**
     * Runs {@code work} on the loading thread; {@code onSuccess} or {@code onFailure} then runs on
     * the FX thread. Use for anything slow that is not training (data, model files).
     */
    public <T> void background(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        loading.submit(work, onSuccess, onFailure);
    }

    /**
     * Routes exceptions no one caught (on any thread) to {@code onFx} on the FX thread, after
     * printing them to standard error: failures are shown, never swallowed.
     */
    public void installUncaughtHandler(Consumer<Throwable> onFx) {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                error.printStackTrace();
            }
            views.onFxThread(() -> onFx.accept(error));
        });
    }

    /** The window's background work for views (one bounded pool, one hop onto the FX thread). */
    public BackgroundWork backgroundWork() {
        return views;
    }

    /** Stops everything (window closing): cancels the job, stops the timer, ends both threads. */
    public void shutdown() {
        shutDown = true;
        cancel();
        pulse.stop();
        training.shutdownNow();
        views.close();
    }

    /** Publish interval for trainers created from now on (measurements; default {@link #PUBLISH_INTERVAL_MILLIS}). */
    void setPublishIntervalMillis(long millis) {
        publishIntervalMillis = millis;
    }

    /** The clock {@link #deliveryNanos()} uses (default wall time; the harness passes the FX thread's CPU time). */
    void setDeliveryClock(java.util.function.LongSupplier nanos) {
        deliveryClock = nanos;
    }

    /** Total FX-thread nanoseconds spent handing reports to the listener so far (read on the FX thread). */
    long deliveryNanos() {
        return deliveryNanos;
    }

    /** Pulses in which reports were handed over so far (read on the FX thread). */
    long deliveries() {
        return deliveries;
    }

    // ---------------------------------------------------------------- internals

    /** Training thread: builds the session's trainer and applies pause/delay requested before it existed. */
    private Trainer createTrainer(Session session) {
        startProbe.beforeTrainerVisible();
        Trainer trainer = new Trainer(session.config, session.start, session.data.train(), session.data.test());
        trainer.setPublishIntervalMillis(publishIntervalMillis);
        trainer.setPublishEveryEpochs(epochStride(session.config.epochs()));
        trainer.setScoringThreads(SCORING_THREADS);
        trainer.setInitialScoring(InitialScoring.WINDOW); // large data: the first step starts at once
        trainer.setAugmentAhead(false); // the FX thread keeps the other core
        // Step: one epoch at the learning rate in the settings, however many steps came before
        // (the cosine schedule would reach 0 after `epochs` steps and then teach nothing).
        trainer.setAnnealing(!session.stepping);
        trainer.setEpochDelayMillis(epochDelayMillis);
        trainer.setPacing(pacing);
        trainer.addListener(snapshot -> publish(session.id, snapshot));
        // A cancel or pause that came before the trainer was visible is applied now; one that
        // comes after sees the trainer. Publishing the trainer and applying the pause are one step
        // under the session's lock, as pause() and resume() are: a resume cannot slip in between
        // reading "paused" and pausing the trainer (which would leave it paused while the UI runs).
        synchronized (session) {
            session.trainer = trainer;
            if (session.cancelled) {
                trainer.cancel();
            } else if (session.paused) {
                startProbe.beforeLatePause();
                trainer.pause();
            }
        }
        return trainer;
    }

    /** Two points of {@link #createTrainer} on the training thread, for a test to interleave pause and resume. */
    interface StartProbe {
        StartProbe NONE = new StartProbe() {
        };

        /** Before the new trainer is visible to pause and resume. */
        default void beforeTrainerVisible() {
        }

        /** After a pause requested before the trainer existed was seen, before it is applied. */
        default void beforeLatePause() {
        }
    }

    /** Tests only: whether the current session's trainer is paused (false when it has none). */
    boolean trainerPausedForTests() {
        Session session = current;
        Trainer trainer = session == null ? null : session.trainer;
        return trainer != null && trainer.isPaused();
    }

    /** Tests only: called at the two points of {@link StartProbe} from now on. */
    void setStartProbeForTests(StartProbe probe) {
        startProbe = probe;
    }

    /** Training thread: keep the latest snapshot whole, and its numbers for the charts. */
    private void publish(long trainerId, TrainingSnapshot snapshot) {
        latest.set(new Latest(trainerId, snapshot));
        reports.add(new Report(trainerId, Kind.SNAPSHOT, withoutNetwork(snapshot), null));
    }

    private void submit(Callable<TrainingSnapshot> job, Session session) {
        if (shutDown) {
            return;
        }
        activeJobs.incrementAndGet();
        startPulse();
        training.execute(() -> {
            try {
                TrainingSnapshot last = job.call();
                reports.add(new Report(session.id, Kind.FINISHED, last, null));
            } catch (Exception | Error e) {
                reports.add(new Report(session.id, Kind.FAILED, null, e));
            } finally {
                activeJobs.decrementAndGet();
            }
        });
    }

    private void startPulse() {
        if (!pulseRunning) {
            pulseRunning = true;
            pulse.start();
        }
    }

    /** FX thread, once per pulse: hand over everything that arrived, in order, then idle if done. */
    private void deliver() {
        long startedAt = deliveryClock.getAsLong();
        deliverReports();
        deliveryNanos += deliveryClock.getAsLong() - startedAt;
        deliveries++;
    }

    private void deliverReports() {
        boolean jobsActive = activeJobs.get() > 0; // read before draining: a job enqueues, then decrements
        Latest whole = latest.getAndSet(null);
        boolean mayHoldBack = heldBack == null; // never twice in a row: weights wait at most one pulse
        if (whole == null) {
            whole = heldBack; // held back from the previous pulse, and nothing newer came
        }
        heldBack = null;
        List<TrainingSnapshot> batch = new ArrayList<>();
        long batchId = -1;
        for (Report report = reports.poll(); report != null; report = reports.poll()) {
            if (report.kind == Kind.SNAPSHOT) {
                if (!batch.isEmpty() && batchId != report.trainerId) {
                    flush(batchId, batch);
                }
                batchId = report.trainerId;
                batch.add(report.snapshot);
                continue;
            }
            flush(batchId, batch);
            if (whole != null && whole.trainerId == report.trainerId) {
                whole = null; // the final snapshot supersedes it
            }
            if (report.kind == Kind.FINISHED) {
                Session session = stepSession;
                if (session != null && session.id == report.trainerId && report.snapshot != null) {
                    session.lastResult = report.snapshot.network();
                }
                listener.finished(report.trainerId, report.snapshot);
            } else {
                listener.failed(report.trainerId, report.error);
            }
        }
        if (whole != null && !batch.isEmpty() && mayHoldBack) {
            // This pulse repaints the charts and the status (the batch's numbers include the whole
            // snapshot's epoch); the network (tiles, Θ2, prediction) follows on the next pulse, so
            // the two large repaints fall on different frames.
            heldBack = whole;
            whole = null;
        }
        if (whole != null) {
            if (!batch.isEmpty() && batchId != whole.trainerId) {
                flush(batchId, batch);
            }
            batchId = whole.trainerId;
            batch.add(whole.snapshot);
        }
        flush(batchId, batch);
        if (!jobsActive && reports.isEmpty() && latest.get() == null && heldBack == null) {
            pulse.stop();
            pulseRunning = false;
        }
    }

    private void flush(long trainerId, List<TrainingSnapshot> batch) {
        if (!batch.isEmpty()) {
            listener.snapshots(trainerId, List.copyOf(batch));
            batch.clear();
        }
    }

    private static TrainingSnapshot withoutNetwork(TrainingSnapshot s) {
        return new TrainingSnapshot(s.epoch(), s.totalEpochs(), s.trainLoss(), s.testLoss(), s.trainAccuracy(),
                s.testAccuracy(), s.elapsedNanos(), null, s.state(), s.message(), s.step(), s.stepsPerEpoch());
    }

    /**
     * Daemon threads; at the OS's background priority ({@link BackgroundPriority}) when
     * {@value #PRIORITY_PROPERTY} is {@code background}, so that the FX thread and the renderer
     * always run first when they share a core with training or loading.
     */
    private static java.util.concurrent.ThreadFactory daemon(String name, java.util.function.IntSupplier niceness) {
        return runnable -> {
            boolean background = "background".equals(System.getProperty(PRIORITY_PROPERTY));
            int nice = niceness.getAsInt();
            Thread thread = new Thread(() -> {
                if (background) {
                    BackgroundPriority.lowerCurrentThread();
                } else if (nice > 0) {
                    BackgroundPriority.niceCurrentThread(nice);
                }
                runnable.run();
            }, name);
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1); // where the OS honours Java priorities
            return thread;
        };
    }
}
