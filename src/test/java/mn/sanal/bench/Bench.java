package mn.sanal.bench;

/** What the benchmark harnesses share. */
final class Bench {

    private Bench() {
    }

    /** {@code -Dbench.hold=<s>}: keeps the benchmark's database up that long for experiments in psql. */
    static void holdIfAsked(String dbUrl) throws InterruptedException {
        int hold = Integer.getInteger("bench.hold", 0);
        if (hold > 0) {
            System.out.println("holding " + hold + " s; database " + dbUrl);
            Thread.sleep(hold * 1000L);
        }
    }
}
