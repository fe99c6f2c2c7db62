package dev.gyre.core.bundle;

/**
 * How much a bundle may inflate to, checked on the zip's declared sizes before anything is inflated and again
 * on the bytes actually inflated: a zip bomb is refused without being expanded.
 *
 * @param maxUncompressedBytes the most all entries together may inflate to
 * @param maxCompressionRatio  the most one entry may inflate to relative to its compressed size, once it is
 *                             larger than {@code ratioFloorBytes} (small JSON entries compress far better)
 * @param ratioFloorBytes      entries up to this size are not ratio-checked
 */
public record BundleLimits(long maxUncompressedBytes, double maxCompressionRatio, long ratioFloorBytes) {
    /** 128 MiB inflated in all, 200× per entry above 1 MiB: far above any bundle the catalog's algorithms make. */
    public static final BundleLimits DEFAULT = new BundleLimits(128L << 20, 200, 1L << 20);

    public BundleLimits {
        if (maxUncompressedBytes <= 0 || !(maxCompressionRatio >= 1) || ratioFloorBytes < 0) {
            throw new IllegalArgumentException("bundle limits must be positive (ratio at least 1), got "
                    + maxUncompressedBytes + ", " + maxCompressionRatio + ", " + ratioFloorBytes);
        }
    }
}
