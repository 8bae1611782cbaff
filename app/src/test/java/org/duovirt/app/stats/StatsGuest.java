package org.duovirt.app.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duovirt.core.stats.SeriesKey;
import org.duovirt.core.stats.history.HistoryWindow;

/** Reading a stats guest's figures back: means of a series over history samples or CSV rows. */
final class StatsGuest {
    private StatsGuest() {
    }

    /** The mean of the known values of {@code key} in the newest {@code n} samples. */
    static double mean(HistoryWindow w, SeriesKey key, int n) {
        float[] v = w.series(key);
        double sum = 0;
        int count = 0;
        for (int i = Math.max(0, v.length - n); i < v.length; i++) {
            if (!Float.isNaN(v[i])) {
                sum += v[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    static double max(HistoryWindow w, SeriesKey key) {
        double max = Double.NaN;
        for (float v : w.series(key)) {
            if (!Float.isNaN(v) && !(v <= max)) {
                max = v;
            }
        }
        return max;
    }

    /** Values of one series in CSV text (timestamp,vm,series,unit,value), empty values left out. */
    static List<Double> csvValues(String csv, String series) {
        List<Double> out = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            String[] f = line.split(",", -1);
            if (f.length == 5 && f[2].equals(series) && !f[4].isEmpty()) {
                out.add(Double.parseDouble(f[4]));
            }
        }
        return out;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Per-vCPU CPU time (ns) as virsh domstats --vcpu --raw prints it: the independent witness. */
    static Map<Integer, Long> vcpuTimes(String domstats) {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        for (String line : domstats.split("\n")) {
            String l = line.strip();
            if (l.matches("vcpu\\.\\d+\\.time=\\d+")) {
                out.put(Integer.parseInt(l.substring(5, l.indexOf(".time"))), Long.parseLong(l.substring(l.indexOf('=') + 1)));
            }
        }
        return out;
    }
}
