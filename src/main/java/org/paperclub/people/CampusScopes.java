package org.paperclub.people;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.oauth2.configuration.OauthClientConfigurationProperties;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PAPERCLUB_OIDC_SCOPES is written as OpenID Connect writes scopes, separated by spaces ("openid email profile");
 * configuration would read it as one scope, or split it on commas. Always asks for {@code openid}.
 */
@Singleton
@Requires(property = CampusSignIn.ISSUER_PROPERTY)
class CampusScopes implements BeanCreatedEventListener<OauthClientConfigurationProperties> {

    private final List<String> scopes;

    CampusScopes(@Value("${paperclub.oidc.scopes:openid email profile}") String scopes) {
        List<String> list = new ArrayList<>(Arrays.stream(scopes.split("[\\s,]+")).filter(s -> !s.isBlank()).distinct().toList());
        if (!list.contains("openid")) {
            list.add(0, "openid");
        }
        this.scopes = List.copyOf(list);
    }

    @Override
    public OauthClientConfigurationProperties onCreated(BeanCreatedEvent<OauthClientConfigurationProperties> event) {
        OauthClientConfigurationProperties client = event.getBean();
        if (CampusSignIn.PROVIDER.equals(client.getName())) {
            client.setScopes(scopes);
        }
        return client;
    }
}
