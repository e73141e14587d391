package io.tributary.sparkjob;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A small but real Spark application: writes two parquet datasets (orders, customers), reads them back, joins,
 * filters and aggregates them into a third (country totals), then creates a warehouse table from that with CREATE
 * TABLE AS SELECT. It knows nothing of OpenLineage: the listener and its transport come from {@code spark.*} system
 * properties exactly as {@code spark-submit --conf} would set them (SparkConf reads them at start).
 *
 * <p>Argument: the base directory; the datasets are written to {@code orders}, {@code customers},
 * {@code country_totals} and the warehouse to {@code warehouse} under it.
 */
public final class SparkLineageJob {

    private SparkLineageJob() {}

    public static void main(String[] args) {
        Path base = Path.of(args[0]).toAbsolutePath();
        String orders = base.resolve("orders").toString();
        String customers = base.resolve("customers").toString();
        String totals = base.resolve("country_totals").toString();
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("tributary_spark_job")
                .config("spark.sql.warehouse.dir", base.resolve("warehouse").toString())
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        try {
            spark.sql("""
                            SELECT * FROM VALUES
                              (1, 10, 25.0D, 'shipped'), (2, 10, 40.0D, 'shipped'), (3, 20, 15.5D, 'cancelled'),
                              (4, 20, 60.0D, 'shipped'), (5, 30, 12.0D, 'shipped')
                            AS orders(order_id, customer_id, amount, status)""").write().mode(SaveMode.Overwrite).parquet(orders);
            settle(spark);
            spark.sql("""
                            SELECT * FROM VALUES (10, 'NL'), (20, 'DE'), (30, 'NL')
                            AS customers(customer_id, country)""").write().mode(SaveMode.Overwrite).parquet(customers);
            settle(spark);

            spark.read().parquet(orders).createOrReplaceTempView("orders");
            spark.read().parquet(customers).createOrReplaceTempView("customers");
            settle(spark);
            spark.sql("""
                            SELECT c.country, SUM(o.amount) AS total_amount, COUNT(o.order_id) AS order_count
                            FROM orders o JOIN customers c ON o.customer_id = c.customer_id
                            WHERE o.status = 'shipped'
                            GROUP BY c.country""").write().mode(SaveMode.Overwrite).parquet(totals);
            settle(spark);

            spark.read().parquet(totals).createOrReplaceTempView("country_totals");
            settle(spark);
            spark.sql("""
                    CREATE TABLE big_countries USING parquet AS
                    SELECT country, total_amount FROM country_totals WHERE order_count > 1""");
        } finally {
            // Stopping ends the application: the listener emits the application run's COMPLETE and drains its queue.
            spark.stop();
        }
    }

    /**
     * Waits until every listener has handled every event so far. Spark's listeners run on their own thread, and the
     * OpenLineage listener waits for the service to answer each event it sends; an execution that starts while the
     * listener is still busy with earlier events may be over before the listener looks it up, and is then not reported
     * at all ("Query execution is null"). How far behind the listener falls depends on how fast the machine and the
     * service are, so each step starts with the listener idle. (Not an OpenLineage API: Spark's own listener bus.)
     */
    private static void settle(SparkSession spark) {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty(TimeUnit.MINUTES.toMillis(2));
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark's listeners did not catch up within 2 minutes", e);
        }
    }
}
