package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.system.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The platforms registered with this tool and their deployments: what a launch is checked against. Site
 * administrators add, change and remove them; a change of deployments is one transaction, so a launch sees the old
 * list or the new one, never a mix.
 */
@Singleton
public class Registrations {

    private final RegistrationRepository registrations;
    private final DeploymentRepository deployments;
    private final Clock clock;

    Registrations(RegistrationRepository registrations, DeploymentRepository deployments, Clock clock) {
        this.registrations = registrations;
        this.deployments = deployments;
        this.clock = clock;
    }

    /** A platform as an administrator enters it (the same for a new one and a change). */
    @Serdeable
    public record RegistrationCommand(@Nullable String name, @Nullable String issuer, @Nullable String clientId,
                                      @Nullable List<String> deploymentIds, @Nullable String authLoginUrl,
                                      @Nullable String accessTokenUrl, @Nullable String jwksUrl) {
    }

    /**
     * A registered platform with its deployments. After a change, {@code removedDeploymentIds} names the deployments
     * it no longer has (launches from them are refused from now on) and {@code notice} says so in a sentence.
     */
    @Serdeable
    public record RegistrationView(long id, String name, String issuer, String clientId, List<String> deploymentIds,
                                   String authLoginUrl, String accessTokenUrl, String jwksUrl, Instant createdAt,
                                   Instant updatedAt, List<String> removedDeploymentIds, @Nullable String notice) {
    }

    public Optional<Registration> find(long id) {
        return registrations.findById(id);
    }

    /** The registration a launch's id_token names by {@code iss} and {@code aud} (the client id). */
    public Optional<Registration> find(String issuer, String clientId) {
        return registrations.findByIssuerAndClientId(issuer, clientId);
    }

    /**
     * The registration a login initiation names: by issuer and, when the platform sends it, {@code client_id}; without
     * it, only when the issuer has a single registration (LTI Core 1.3, 4.1: {@code client_id} is optional).
     */
    public Optional<Registration> forLogin(String issuer, String clientId) {
        if (clientId != null && !clientId.isBlank()) {
            return find(issuer, clientId);
        }
        List<Registration> ofIssuer = registrations.findByIssuer(issuer);
        return ofIssuer.size() == 1 ? Optional.of(ofIssuer.get(0)) : Optional.empty();
    }

    public boolean deploymentKnown(long registrationId, String deploymentId) {
        return deployments.existsByRegistrationIdAndDeploymentId(registrationId, deploymentId);
    }

    public List<String> deploymentIds(long registrationId) {
        return deployments.findByRegistrationIdOrderByDeploymentId(registrationId).stream().map(Deployment::deploymentId).toList();
    }

    public List<Registration> all() {
        return registrations.listOrderById();
    }

    // The write side, for site administrators.

    public List<RegistrationView> views() {
        return all().stream().map(r -> view(r, List.of())).toList();
    }

    public RegistrationView view(long id) {
        return view(existing(id), List.of());
    }

    @Transactional
    public RegistrationView create(RegistrationCommand command) {
        RegistrationRules.Checked c = valid(command);
        refuseDuplicate(c, null);
        Instant now = clock.instant();
        Registration saved = registrations.save(new Registration(null, c.name(), c.issuer(), c.clientId(), c.authLoginUrl(),
                c.accessTokenUrl(), c.jwksUrl(), now, now));
        for (String d : c.deploymentIds()) {
            deployments.save(new Deployment(null, saved.id(), d));
        }
        return view(saved, List.of());
    }

    /** Replaces every field and the list of deployments: those not in the new list are removed. */
    @Transactional
    public RegistrationView update(long id, RegistrationCommand command) {
        Registration old = existing(id);
        RegistrationRules.Checked c = valid(command);
        refuseDuplicate(c, id);
        Registration changed = registrations.update(new Registration(id, c.name(), c.issuer(), c.clientId(), c.authLoginUrl(),
                c.accessTokenUrl(), c.jwksUrl(), old.createdAt(), clock.instant()));
        List<Deployment> before = deployments.findByRegistrationIdOrderByDeploymentId(id);
        Set<String> wanted = Set.copyOf(c.deploymentIds());
        List<String> removed = before.stream().map(Deployment::deploymentId).filter(d -> !wanted.contains(d)).toList();
        before.stream().filter(d -> !wanted.contains(d.deploymentId())).forEach(deployments::delete);
        Set<String> kept = Set.copyOf(before.stream().map(Deployment::deploymentId).toList());
        c.deploymentIds().stream().filter(d -> !kept.contains(d)).forEach(d -> deployments.save(new Deployment(null, id, d)));
        return view(changed, removed);
    }

    /**
     * Removes the platform with its deployments and what Paperclub knew of its courses (their links to Paperclub
     * courses); the Paperclub courses and everyone's work stay. Its launches are refused from now on.
     */
    @Transactional
    public void delete(long id) {
        registrations.delete(existing(id));
    }

    private Registration existing(long id) {
        return registrations.findById(id).orElseThrow(() -> ProblemException.notFound("There is no LMS platform " + id + "."));
    }

    private static RegistrationRules.Checked valid(RegistrationCommand command) {
        RegistrationRules.Checked c = RegistrationRules.check(command);
        if (!c.violations().isEmpty()) {
            String detail = c.sentences().size() == 1 ? c.sentences().get(0)
                    : "This registration has " + c.sentences().size() + " problems, so nothing was saved.";
            throw ProblemException.invalid(detail, c.violations());
        }
        return c;
    }

    private void refuseDuplicate(RegistrationRules.Checked c, @Nullable Long self) {
        registrations.findByIssuerAndClientId(c.issuer(), c.clientId()).filter(r -> !r.id().equals(self)).ifPresent(r -> {
            throw ProblemException.conflict("\"" + r.name() + "\" (platform " + r.id() + ") is already registered with issuer "
                    + r.issuer() + " and client id " + r.clientId() + ". Change that one instead, or check the client id.");
        });
    }

    private RegistrationView view(Registration r, List<String> removed) {
        String notice = removed.isEmpty() ? null : (removed.size() == 1 ? "Deployment " + removed.get(0) + " was removed"
                : "Deployments " + String.join(", ", removed) + " were removed")
                + ": launches from " + (removed.size() == 1 ? "it" : "them") + " are refused from now on.";
        return new RegistrationView(r.id(), r.name(), r.issuer(), r.clientId(), deploymentIds(r.id()), r.authLoginUrl(),
                r.accessTokenUrl(), r.jwksUrl(), r.createdAt(), r.updatedAt(), removed, notice);
    }
}
