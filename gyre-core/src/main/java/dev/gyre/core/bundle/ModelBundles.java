package dev.gyre.core.bundle;

import dev.gyre.core.blob.Digests;
import dev.gyre.core.features.FeatureEncoder;
import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.ml.Task;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bundle format {@value #FORMAT}: a zip holding, in this order, {@code manifest.json} (format and
 * each other entry's SHA-256), {@code model.tribuo} (Tribuo's protobuf, never Java serialization),
 * {@code feature-spec.json}, {@code signature.json}, {@code metrics.json} and {@code provenance.json}.
 * Writing is deterministic: fixed entry order and times, sorted JSON maps, so one bundle always gives
 * the same bytes and the same digest.
 *
 * <p>Java deserialization: none of the catalog's models (logistic SGD and elastic-net linear models in a TransformedModel, CART trees,
 * random forests, XGBoost) goes through {@code ObjectInputStream} when read from protobuf, and no class
 * on gyre-core's classpath that {@link Model#deserialize} can reach creates one (XGBoost boosters are
 * loaded from XGBoost's own byte format). So no serial filter is installed; {@code ModelBundlesTest}
 * checks that reading a bundle of every algorithm creates no {@code ObjectInputStream}.
 */
public final class ModelBundles {
    public static final String FORMAT = "gyre-bundle/1";
    static final String MANIFEST = "manifest.json";
    static final String MODEL = "model.tribuo";
    static final String SPEC = "feature-spec.json";
    static final String SIGNATURE = "signature.json";
    static final String METRICS = "metrics.json";
    static final String PROVENANCE = "provenance.json";
    private static final List<String> CONTENT = List.of(MODEL, SPEC, SIGNATURE, METRICS, PROVENANCE);
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ModelBundles() {
    }

    /** The bundle's bytes. */
    public static byte[] write(ModelBundle bundle) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MODEL, bundle.model().serialize().toByteArray());
        entries.put(SPEC, JSON.writeValueAsBytes(bundle.spec()));
        entries.put(SIGNATURE, JSON.writeValueAsBytes(bundle.signature()));
        entries.put(METRICS, JSON.writeValueAsBytes(bundle.metrics()));
        entries.put(PROVENANCE, JSON.writeValueAsBytes(bundle.provenance()));
        List<Manifest.Entry> listed = new ArrayList<>();
        entries.forEach((name, bytes) -> listed.add(new Manifest.Entry(name, Digests.sha256Hex(bytes))));
        byte[] manifest = JSON.writeValueAsBytes(new Manifest(FORMAT, listed));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, MANIFEST, manifest);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME); // local time: the same bytes in every time zone
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** {@link #read(byte[], String, BundleLimits)} with {@link BundleLimits#DEFAULT}. */
    public static ModelBundle read(byte[] bytes, String expectedSha256) {
        return read(bytes, expectedSha256, BundleLimits.DEFAULT);
    }

    /**
     * Reads a bundle after verifying all of it: the SHA-256 of all its bytes; the zip structure (nothing
     * after the end record, nothing cut off, no bytes between entries, declared sizes within {@code limits},
     * see {@link BundleZip}); exactly the manifest and the five content entries; each entry inflated as a
     * stream against its size, CRC-32 and manifest digest; then the JSON entries, the model, and that the
     * model's output type matches the spec's task.
     *
     * @param expectedSha256 hex digest (any case, optional {@code sha256:} prefix) recorded at registration
     * @throws BundleTooLargeException  if it inflates past {@code limits}
     * @throws BundleIntegrityException if any other check fails or the content is malformed
     */
    public static ModelBundle read(byte[] bytes, String expectedSha256, BundleLimits limits) {
        if (!Digests.matches(expectedSha256, bytes)) {
            throw new BundleIntegrityException("bundle digest mismatch: expected sha256 " + expectedSha256
                    + ", got " + Digests.sha256Hex(bytes));
        }
        BundleZip zip = BundleZip.parse(bytes, limits);
        Map<String, BundleZip.Entry> entries = new LinkedHashMap<>();
        zip.entries().forEach(e -> entries.put(e.name(), e));
        List<String> expectedNames = new ArrayList<>(List.of(MANIFEST));
        expectedNames.addAll(CONTENT);
        if (!entries.keySet().equals(new java.util.HashSet<>(expectedNames))) {
            throw new BundleIntegrityException("bundle entries " + entries.keySet() + " do not match the expected "
                    + expectedNames);
        }
        Map<String, String> digests = new LinkedHashMap<>();
        entries.forEach((name, e) -> digests.put(name, zip.sha256(e)));

        Manifest manifest;
        try {
            manifest = JSON.readValue(zip.bytes(entries.get(MANIFEST)), Manifest.class);
        } catch (JacksonException e) {
            throw new BundleIntegrityException("unreadable " + MANIFEST + ": " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new BundleIntegrityException("unsupported bundle format '" + manifest.format() + "', expected " + FORMAT);
        }
        List<String> listed = manifest.entries() == null ? List.of()
                : manifest.entries().stream().map(e -> e == null ? null : e.name()).toList();
        if (!listed.equals(CONTENT)) {
            throw new BundleIntegrityException("manifest lists " + listed + ", expected " + CONTENT);
        }
        for (Manifest.Entry e : manifest.entries()) {
            if (!digests.get(e.name()).equals(e.sha256())) {
                throw new BundleIntegrityException("entry " + e.name() + " does not match its manifest digest");
            }
        }
        try {
            FeatureSpec spec = JSON.readValue(zip.bytes(entries.get(SPEC)), FeatureSpec.class);
            Signature signature = JSON.readValue(zip.bytes(entries.get(SIGNATURE)), Signature.class);
            Map<String, Double> metrics = JSON.readValue(zip.bytes(entries.get(METRICS)), new TypeReference<Map<String, Double>>() { });
            Map<String, String> provenance = JSON.readValue(zip.bytes(entries.get(PROVENANCE)), new TypeReference<Map<String, String>>() { });
            if (!signature.equals(Signature.of(spec))) {
                throw new BundleIntegrityException("signature.json does not match feature-spec.json");
            }
            Model<?> model;
            try (InputStream in = zip.open(entries.get(MODEL))) {
                model = Model.deserialize(ModelProto.parseFrom(in));
            }
            Class<? extends org.tribuo.Output<?>> output = spec.task() == Task.CLASSIFICATION ? Label.class : Regressor.class;
            if (!model.validate(output)) {
                throw new BundleIntegrityException("model does not predict " + output.getSimpleName()
                        + " as a " + spec.task().json() + " bundle must");
            }
            fitsSpec(model, spec);
            return new ModelBundle(model, spec, signature, metrics, provenance);
        } catch (JacksonException e) {
            throw new BundleIntegrityException("unreadable bundle JSON: " + e.getOriginalMessage(), e);
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof BundleIntegrityException b) {
                throw b;
            }
            throw new BundleIntegrityException("unreadable model: " + e.getMessage(), e);
        }
    }

    /** The model reads only features the spec produces and, for classification, predicts only the spec's classes. */
    private static void fitsSpec(Model<?> model, FeatureSpec spec) {
        java.util.Set<String> produced = FeatureEncoder.of(spec).featureNames();
        for (org.tribuo.VariableInfo feature : model.getFeatureIDMap()) {
            if (!produced.contains(feature.getName())) {
                throw new BundleIntegrityException("the model reads feature '" + feature.getName()
                        + "', which feature-spec.json does not produce");
            }
        }
        if (model.getFeatureIDMap().size() == 0) {
            throw new BundleIntegrityException("the model reads no features");
        }
        if (spec.task() == Task.CLASSIFICATION) {
            for (Object output : model.getOutputIDInfo().getDomain()) {
                if (output instanceof Label label && !spec.labels().contains(label.getLabel())) {
                    throw new BundleIntegrityException("the model predicts class '" + label.getLabel()
                            + "', which feature-spec.json does not list");
                }
            }
        }
    }

    record Manifest(String format, List<Entry> entries) {
        record Entry(String name, String sha256) {
        }
    }
}
