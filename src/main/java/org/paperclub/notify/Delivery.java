package org.paperclub.notify;

/** How a person wants a kind of notice: in the app only, by e-mail at once, or in one e-mail a day. */
public enum Delivery {
    APP, EMAIL, DIGEST
}
