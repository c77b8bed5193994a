package org.paperclub.lti;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The platforms registered with this tool and their deployments: what a launch is checked against. */
@Singleton
public class Registrations {

    private final RegistrationRepository registrations;
    private final DeploymentRepository deployments;

    Registrations(RegistrationRepository registrations, DeploymentRepository deployments) {
        this.registrations = registrations;
        this.deployments = deployments;
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
}
