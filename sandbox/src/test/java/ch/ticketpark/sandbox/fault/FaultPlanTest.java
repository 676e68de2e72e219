package ch.ticketpark.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** {@code every}, {@code count} and {@code grantType}, and the order of several faults armed for one target. */
class FaultPlanTest {

    private static final String PASSWORD = "password";
    private static final String REFRESH = "refresh_token";

    private final FaultPlan plan = new FaultPlan();

    @Test
    void everyHitsTheEveryThRequestThenEachEveryThAfterItUntilCountIsUsedUp() {
        Fault fault = every(3, 2, null);
        plan.arm(fault);

        assertThat(hits(FaultTarget.TOKEN, null, 10)).containsExactly(3, 6);
        assertThat(plan.injected(FaultTarget.TOKEN)).isEqualTo(2);
        assertThat(plan.armed()).isEmpty();
    }

    @Test
    void theRequestsInBetweenPassAndAreCountedTowardsTheNextHit() {
        Fault fault = every(3, 5, null);
        plan.arm(fault);

        plan.take(FaultTarget.TOKEN);
        plan.take(FaultTarget.TOKEN);
        assertThat(plan.armed()).containsExactly(new FaultPlan.Armed(fault, 5, 2));
        assertThat(plan.take(FaultTarget.TOKEN)).contains(fault);
        assertThat(plan.armed()).containsExactly(new FaultPlan.Armed(fault, 4, 0));
        assertThat(plan.injected(FaultTarget.TOKEN)).isEqualTo(1);
    }

    @Test
    void everyOneIsTheNextCountRequestsInARow() {
        plan.arm(every(1, 3, null));

        assertThat(hits(FaultTarget.TOKEN, null, 5)).containsExactly(1, 2, 3);
    }

    @Test
    void grantTypeLetsOtherGrantTypesPassWithoutCountingThem() {
        Fault refreshOnly = every(3, 1000, REFRESH);
        plan.arm(refreshOnly);
        List<String> outcomes = new ArrayList<>();

        // password, refresh, refresh, password, refresh (3rd refresh), no grant type, refresh, refresh, refresh (6th)
        for (String grantType : new String[]{PASSWORD, REFRESH, REFRESH, PASSWORD, REFRESH, null, REFRESH, REFRESH,
                REFRESH}) {
            outcomes.add(plan.take(FaultTarget.TOKEN, grantType).isPresent() ? "hit " + grantType : "-");
        }

        assertThat(outcomes).containsExactly("-", "-", "-", "-", "hit refresh_token", "-", "-", "-",
                "hit refresh_token");
        assertThat(plan.armed()).containsExactly(new FaultPlan.Armed(refreshOnly, 998, 0));
        assertThat(plan.injected(FaultTarget.TOKEN)).isEqualTo(2);
    }

    @Test
    void aGrantTypeFilterBlocksTheFaultsQueuedBehindItUntilItIsUsedUp() {
        Fault refreshOnly = every(2, 1, REFRESH);
        Fault anyGrant = new Fault(FaultTarget.TOKEN, FaultType.STATUS, 1, 503, null, null);
        plan.arm(refreshOnly);
        plan.arm(anyGrant);

        assertThat(plan.take(FaultTarget.TOKEN, PASSWORD)).as("not selected by the head: passes").isEmpty();
        assertThat(plan.take(FaultTarget.TOKEN, REFRESH)).as("1st refresh").isEmpty();
        assertThat(plan.take(FaultTarget.TOKEN, PASSWORD)).isEmpty();
        assertThat(plan.take(FaultTarget.TOKEN, REFRESH)).as("2nd refresh").contains(refreshOnly);
        assertThat(plan.take(FaultTarget.TOKEN, PASSWORD)).as("the next fault took over").contains(anyGrant);
        assertThat(plan.take(FaultTarget.TOKEN, REFRESH)).isEmpty();
    }

    @Test
    void theNextFaultCountsFromZeroWhenItTakesOver() {
        Fault first = every(2, 1, null);
        Fault second = every(3, 1, null);
        plan.arm(first);
        plan.arm(second);

        assertThat(hits(FaultTarget.TOKEN, null, 8)).containsExactly(2, 5);
    }

    @Test
    void aRotationOfAnswerFaultsEachEveryThirdRefresh() {
        FaultType[] types = {FaultType.ZERO_EXPIRES_IN, FaultType.MISSING_EXPIRES_IN, FaultType.MISSING_ACCESS_TOKEN};
        for (int round = 0; round < 2; round++) {
            for (FaultType type : types) {
                plan.arm(new Fault(FaultTarget.TOKEN, type, 1, null, null, null, 3, REFRESH));
            }
        }
        List<FaultType> injected = new ArrayList<>();

        for (int refresh = 1; refresh <= 20; refresh++) {
            plan.take(FaultTarget.TOKEN, PASSWORD);
            plan.take(FaultTarget.TOKEN, REFRESH).ifPresent(fault -> injected.add(fault.type()));
        }

        assertThat(injected).containsExactly(types[0], types[1], types[2], types[0], types[1], types[2]);
    }

    @Test
    void targetsAreIndependent() {
        plan.arm(every(2, 1, null));
        plan.arm(new Fault(FaultTarget.API, FaultType.DROP, 1, null, null, null, 2, null));

        assertThat(plan.take(FaultTarget.API)).isEmpty();
        assertThat(plan.take(FaultTarget.TOKEN)).isEmpty();
        assertThat(plan.take(FaultTarget.API)).isPresent();
        assertThat(plan.take(FaultTarget.TOKEN)).isPresent();
        assertThat(plan.injected(FaultTarget.API)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsGetExactlyCountHitsAtTheEveryThPositions() throws Exception {
        plan.arm(every(3, 100, REFRESH));
        int threads = 8;
        int perThread = 250;
        AtomicInteger hits = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        plan.take(FaultTarget.TOKEN, i % 2 == 0 ? REFRESH : PASSWORD)
                                .ifPresent(fault -> hits.incrementAndGet());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }

        // 1000 refreshes: every third of the first 300 is hit, then the fault is used up
        assertThat(hits.get()).isEqualTo(100);
        assertThat(plan.injected(FaultTarget.TOKEN)).isEqualTo(100);
        assertThat(plan.armed()).isEmpty();
    }

    /** The 1-based positions, among {@code requests} requests, that got a fault. */
    private List<Integer> hits(FaultTarget target, String grantType, int requests) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i <= requests; i++) {
            if (plan.take(target, grantType).isPresent()) {
                positions.add(i);
            }
        }
        return positions;
    }

    private static Fault every(int every, int count, String grantType) {
        return new Fault(FaultTarget.TOKEN, FaultType.ZERO_EXPIRES_IN, count, null, null, null, every, grantType);
    }
}
