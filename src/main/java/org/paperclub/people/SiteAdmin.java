package org.paperclub.people;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Type;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint is for site administrators; checked by {@link SiteAdminGate} before the method runs (401 when not
 * signed in, 403 "Only a site administrator can ..." otherwise). The method needs an {@code Authentication} parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Around
@Type(SiteAdminGate.class)
public @interface SiteAdmin {

    /** What the endpoint does, completing "Only a site administrator can ...", e.g. "register an LMS". */
    String value();
}
