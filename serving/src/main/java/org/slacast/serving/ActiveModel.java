package org.slacast.serving;

import java.util.concurrent.atomic.AtomicReference;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.policy.PolicyIdentity;
import org.slacast.models.ModelBundle;
import org.slacast.models.PolicyCheck;
import org.slacast.models.Registry;

/**
 * The model that scores, swapped atomically. A request reads the reference once and uses that model for all of
 * its work, so no request mixes two models; a bundle that fails to load is refused and the current one stays.
 */
public final class ActiveModel {
    /** A bundle with the extractor built from its schema. */
    record Loaded(ModelBundle bundle, FeatureExtractor extractor) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ActiveModel.class);

    private final Registry registry;
    private final PolicySet policies;
    private final PolicyIdentity policy;
    private final PolicyCheck.Mode mismatch;
    private final java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final AtomicReference<Loaded> shadow = new AtomicReference<>();

    /**
     * @param registry the registry
     * @param policies the SLA policies
     */
    public ActiveModel(Registry registry, PolicySet policies) {
        this(registry, policies, null, PolicyCheck.Mode.WARN);
    }

    /**
     * @param registry the registry
     * @param policies the SLA policies
     * @param policy   the policy file's identity, checked against each bundle's; null checks nothing
     * @param mismatch what to do with a bundle trained under another policy
     */
    public ActiveModel(Registry registry, PolicySet policies, PolicyIdentity policy, PolicyCheck.Mode mismatch) {
        this.registry = registry;
        this.policies = policies;
        this.policy = policy;
        this.mismatch = mismatch;
    }

    /** @return the policy warnings so far (a mismatch let through, a bundle that records no policy), oldest first */
    public java.util.List<String> warnings() {
        return java.util.List.copyOf(warnings);
    }

    /** Loads a bundle and checks its policy: refused on a mismatch unless the mode is warn. */
    private ModelBundle load(String id) {
        ModelBundle b = registry.load(id);
        if (policy != null) {
            String w = PolicyCheck.check(b.manifest(), policy, mismatch);
            if (w != null) {
                LOG.warn("{}", w);
                warnings.add(w);
            }
        }
        return b;
    }

    /** @return the loaded model, or null before one is activated */
    Loaded get() {
        return current.get();
    }

    /** @return the shadow model, or null */
    Loaded shadow() {
        return shadow.get();
    }

    /**
     * Loads a bundle to be scored in shadow: its results are logged, never returned.
     *
     * @param id the model id, or null to stop shadow scoring
     * @throws ModelBundle.BundleException if it cannot be loaded; the current shadow is kept
     */
    public void shadow(String id) {
        if (id == null) {
            shadow.set(null);
            return;
        }
        ModelBundle b = load(id);
        shadow.set(new Loaded(b, new FeatureExtractor(b.manifest().schema(), policies)));
    }

    /** @return the active model's id, or null */
    public String activeId() {
        Loaded l = current.get();
        return l == null ? null : l.bundle().manifest().id();
    }

    /** @return the SLA policies */
    PolicySet policies() {
        return policies;
    }

    /** @return the registry */
    Registry registry() {
        return registry;
    }

    /**
     * Loads a bundle and makes it the one that scores.
     *
     * @param id the model id
     * @return the activated bundle
     * @throws ModelBundle.BundleException if it cannot be loaded; the current model is kept
     * @throws PolicyCheck.PolicyMismatchException if it was trained under another policy and the mode is refuse
     */
    public ModelBundle activate(String id) {
        ModelBundle b = load(id);
        current.set(new Loaded(b, new FeatureExtractor(b.manifest().schema(), policies)));
        return b;
    }
}
