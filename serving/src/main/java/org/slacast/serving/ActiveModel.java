package org.slacast.serving;

import java.util.concurrent.atomic.AtomicReference;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.core.policy.PolicySet;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;

/**
 * The model that scores, swapped atomically. A request reads the reference once and uses that model for all of
 * its work, so no request mixes two models; a bundle that fails to load is refused and the current one stays.
 */
public final class ActiveModel {
    /** A bundle with the extractor built from its schema. */
    record Loaded(ModelBundle bundle, FeatureExtractor extractor) {
    }

    private final Registry registry;
    private final PolicySet policies;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final AtomicReference<Loaded> shadow = new AtomicReference<>();

    /**
     * @param registry the registry
     * @param policies the SLA policies
     */
    public ActiveModel(Registry registry, PolicySet policies) {
        this.registry = registry;
        this.policies = policies;
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
        ModelBundle b = registry.load(id);
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
     */
    public ModelBundle activate(String id) {
        ModelBundle b = registry.load(id);
        current.set(new Loaded(b, new FeatureExtractor(b.manifest().schema(), policies)));
        return b;
    }
}
