package org.slacast.models;

import org.slacast.core.BadInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory of bundles with one champion (the model that serves) and at most one challenger. Roles live in
 * {@code registry.json}, replaced atomically so a reader never sees half a file.
 */
public final class Registry {
    private static final String ROLES = "registry.json";
    private final Path dir;
    private final ObjectMapper json = ModelBundle.json();

    /**
     * The roles in a registry.
     *
     * @param champion   the serving model's id, or null
     * @param challenger the challenger's id, or null
     */
    public record Roles(String champion, String challenger) {
    }

    /**
     * A bundle in the registry.
     *
     * @param id       its id
     * @param role     champion, challenger or empty
     * @param manifest its manifest
     */
    public record Entry(String id, String role, BundleManifest manifest) {
    }

    /** @param dir the registry directory; created on first write */
    public Registry(Path dir) {
        this.dir = dir;
    }

    /** @return the directory */
    public Path dir() {
        return dir;
    }

    /** @return the current roles; none when the registry is new */
    public Roles roles() {
        Path f = dir.resolve(ROLES);
        if (!Files.exists(f)) {
            return new Roles(null, null);
        }
        Roles r;
        try {
            r = json.readValue(f.toFile(), Roles.class);
        } catch (IOException e) {
            throw new ModelBundle.BundleException(f + ": unreadable registry (" + e.getMessage()
                    + "); fix or delete it, then promote a model again");
        }
        for (String id : new String[] {r.champion(), r.challenger()}) {
            if (id != null && !validId(id)) {
                throw new ModelBundle.BundleException(f + ": '" + id + "' is not a model id (ids are plain directory "
                        + "names in the registry); fix or delete the file, then promote a model again");
            }
        }
        return r;
    }

    /**
     * Checks, before any work is done, that bundles can be written here.
     *
     * @throws ModelBundle.BundleException naming the directory when it cannot be created or written
     */
    public void checkWritable() {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (java.nio.file.FileSystemException e) {
            throw new ModelBundle.BundleException(dir + ": cannot write models here ("
                    + (e.getReason() != null ? e.getReason() : e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : "cannot create " + e.getFile()) + "); choose another --registry");
        } catch (IOException e) {
            throw new ModelBundle.BundleException(dir + ": cannot write models here (" + e.getMessage()
                    + "); choose another --registry");
        }
        roles();
    }

    /**
     * @param id a bundle id
     * @return its directory
     */
    public Path path(String id) {
        if (!validId(id)) {
            throw new UnknownModelException("'" + id + "' is not a model id; ids start with a letter or digit and "
                    + "use letters, digits, '.', '_' and '-'");
        }
        return dir.resolve(id);
    }

    /**
     * @param id a bundle id
     * @return the loaded bundle
     * @throws ModelBundle.BundleException if there is no such bundle or it cannot be loaded
     */
    public ModelBundle load(String id) {
        Path p = path(id);
        if (!Files.isDirectory(p)) {
            throw new UnknownModelException("no model '" + id + "' in the registry; 'slacast models list' shows the "
                    + "ids");
        }
        return ModelBundle.load(p);
    }

    /** @return the champion, loaded */
    public ModelBundle champion() {
        String id = roles().champion();
        if (id == null) {
            throw new ModelBundle.BundleException(dir + " has no champion; train a model or promote one");
        }
        return load(id);
    }

    /** @return every bundle's manifest with its role, newest first; unreadable bundles are skipped */
    public List<Entry> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Roles r = roles();
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
                Path m = p.resolve(ModelBundle.MANIFEST);
                if (Files.isRegularFile(m)) {
                    try {
                        BundleManifest bm = json.readValue(m.toFile(), BundleManifest.class);
                        String id = p.getFileName().toString();
                        out.add(new Entry(id, id.equals(r.champion()) ? "champion"
                                : id.equals(r.challenger()) ? "challenger" : "", bm));
                    } catch (IOException e) {
                        // listed as unreadable by 'show'; a list should not fail on one bad bundle
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list", e);
        }
        out.sort((a, b) -> b.manifest().createdAt().compareTo(a.manifest().createdAt()));
        return out;
    }

    /**
     * Stores a bundle under its id without giving it a role.
     *
     * @param bundle the bundle
     * @return the bundle as saved
     * @throws IOException if it cannot be written
     */
    public ModelBundle store(ModelBundle bundle) throws IOException {
        return bundle.save(path(bundle.manifest().id()));
    }

    /**
     * Stores a bundle under its id. The first model becomes champion; later ones become the challenger.
     *
     * @param bundle the bundle
     * @return the bundle as saved
     * @throws IOException if it cannot be written
     */
    public ModelBundle add(ModelBundle bundle) throws IOException {
        ModelBundle saved = bundle.save(path(bundle.manifest().id()));
        Roles r = roles();
        writeRoles(r.champion() == null ? new Roles(saved.manifest().id(), r.challenger())
                : new Roles(r.champion(), saved.manifest().id()));
        return saved;
    }

    /**
     * Makes a bundle the challenger without changing the champion.
     *
     * @param id the bundle
     * @throws IOException if the roles cannot be written
     */
    public void setChallenger(String id) throws IOException {
        load(id);
        writeRoles(new Roles(roles().champion(), id));
    }

    /**
     * Makes a bundle champion. Unless forced, it must beat the champion on the same test window at the checkpoints
     * the candidate was chosen at (its {@code chosenAt}): a higher ROC-AUC and a Brier score no worse.
     *
     * @param id    the bundle to promote
     * @param force skip the gate
     * @return what happened, for the user
     * @throws IOException if the roles cannot be written
     * @throws PromotionRefused if the gate refuses
     */
    public String promote(String id, boolean force) throws IOException {
        return promote(id, force, false);
    }

    /**
     * Makes a bundle champion, as {@link #promote(String, boolean)}; with {@code requireSavings} it must also
     * earn positive net savings on its test window under the expected-value rule (the {@code net_savings} metric),
     * even with {@code force} and even when there is no champion yet.
     *
     * @param id             the bundle to promote
     * @param force          skip the comparison with the champion
     * @param requireSavings refuse a model whose net savings on test are not positive
     * @return what happened, for the user
     * @throws IOException if the roles cannot be written
     * @throws PromotionRefused if the gate refuses
     */
    public String promote(String id, boolean force, boolean requireSavings) throws IOException {
        ModelBundle candidate = load(id);
        Roles r = roles();
        if (id.equals(r.champion())) {
            return id + " is already the champion";
        }
        double savings = metric(candidate.manifest(), "net_savings");
        if (requireSavings && !(savings > 0)) {
            throw new PromotionRefused(String.format("%s does not earn positive net savings on its test window "
                    + "(%.2f%s); promote without --require-savings to override", id, savings,
                    Double.isNaN(savings) ? ", not recorded: retrain it" : ""));
        }
        if (r.champion() != null && !force) {
            BundleManifest champ = load(r.champion()).manifest();
            BundleManifest cand = candidate.manifest();
            if (!sameWindow(champ, cand)) {
                throw new PromotionRefused(id + " was tested on " + cand.testFrom() + " .. " + cand.testTo()
                        + " but the champion " + champ.id() + " on " + champ.testFrom() + " .. " + champ.testTo()
                        + "; compare them with 'slacast evaluate' on the same data, or promote with --force");
            }
            gate(cand, champ);
        }
        String challenger = id.equals(r.challenger()) ? r.champion() : r.challenger();
        writeRoles(new Roles(id, challenger));
        return id + " is now the champion" + (r.champion() == null ? "" : " (was " + r.champion() + ")");
    }

    /**
     * The candidate must beat the champion on the checkpoints it was chosen at (at creation, by default): a model
     * chosen for routing at arrival is not promoted on figures over a ticket's whole life.
     */
    private static void gate(BundleManifest cand, BundleManifest champ) {
        String at = cand.chosenAt();
        double ca = metricAt(cand, at, "roc_auc");
        double pa = metricAt(champ, at, "roc_auc");
        double cb = metricAt(cand, at, "brier");
        double pb = metricAt(champ, at, "brier");
        if (Double.isNaN(pa) || Double.isNaN(pb)) {
            throw new PromotionRefused(String.format("the champion %s records no ROC-AUC and Brier at checkpoints "
                    + "'%s', where %s was chosen (the champion was chosen at '%s'); compare them with 'slacast "
                    + "evaluate' on the same data, or promote with --force", champ.id(), at, cand.id(),
                    champ.chosenAt()));
        }
        if (!(ca > pa && cb <= pb + 1e-12)) {
            throw new PromotionRefused(String.format("%s does not beat the champion %s on the same test window at "
                    + "checkpoints '%s': ROC-AUC %.4f vs %.4f, Brier %.4f vs %.4f; promote with --force to override",
                    cand.id(), champ.id(), at, ca, pa, cb, pb));
        }
    }

    /** A test metric on the given checkpoints: over all, at creation, or at the mix the model was chosen at. */
    static double metricAt(BundleManifest m, String at, String name) {
        if (at.equals(m.chosenAt()) && !Double.isNaN(metric(m, name + "_at_choice"))) {
            return metric(m, name + "_at_choice");
        }
        return switch (at) {
            case "all" -> metric(m, name);
            case "creation" -> metric(m, name + "_at_creation");
            default -> Double.NaN;
        };
    }

    private static boolean sameWindow(BundleManifest a, BundleManifest b) {
        return a.testFrom() != null && a.testFrom().equals(b.testFrom()) && a.testTo() != null
                && a.testTo().equals(b.testTo());
    }

    private static double metric(BundleManifest m, String name) {
        Map<String, Double> ms = m.metrics();
        Double v = ms == null ? null : ms.get(name);
        return v == null ? Double.NaN : v;
    }

    private void writeRoles(Roles r) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "registry", ".tmp");
        json.writeValue(tmp.toFile(), r);
        Files.move(tmp, dir.resolve(ROLES), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The promotion gate said no. */
    public static final class PromotionRefused extends BadInputException {
        /** @param message why, and how to override */
        public PromotionRefused(String message) {
            super(message);
        }
    }

    /**
     * @param id a candidate model id
     * @return whether it is a plain directory name: no separators, no dot segments
     */
    public static boolean validId(String id) {
        return id != null && id.length() <= 200 && id.matches("[A-Za-z0-9][A-Za-z0-9._-]*") && !id.contains("..");
    }

    /** No model of that id: a 404 over HTTP, a bad input in the CLI. */
    public static final class UnknownModelException extends ModelBundle.BundleException {
        private static final long serialVersionUID = 1L;

        /** @param message what was asked for and how to find the ids */
        public UnknownModelException(String message) {
            super(message);
        }
    }
}
