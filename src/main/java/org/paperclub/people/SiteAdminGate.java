package org.paperclub.people;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.paperclub.system.ProblemException;

/** Lets a call to a {@link SiteAdmin} endpoint through only for a site administrator. */
@Singleton
@InterceptorBean(SiteAdmin.class)
class SiteAdminGate implements MethodInterceptor<Object, Object> {

    private final SiteAdmins admins;

    SiteAdminGate(SiteAdmins admins) {
        this.admins = admins;
    }

    @Override
    @Nullable
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Authentication auth = null;
        for (Object value : context.getParameterValues()) {
            if (value instanceof Authentication a) {
                auth = a;
            }
        }
        if (auth == null) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Please sign in first.");
        }
        if (!admins.isAdmin(Viewer.id(auth))) {
            String what = context.stringValue(SiteAdmin.class).orElse("do this");
            throw ProblemException.forbidden("Only a site administrator can " + what + ".");
        }
        return context.proceed();
    }
}
