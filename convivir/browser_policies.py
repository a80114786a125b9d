"""The policies the site's responses announce to browsers: the Content
Security Policy (public pages and, looser, the admin) and the features the
Permissions-Policy header switches off. Imported by the settings."""

# Content Security Policy for public pages: nothing may load from another
# origin. Video embeds are inserted only after a click, from these hosts.
EMBED_FRAME_HOSTS = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_FRAME_HOSTS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin relies on inline styles and scripts; it gets its own,
# looser policy (still same-origin only), applied by the middleware.
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'", *EMBED_FRAME_HOSTS],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Browser features no page of the site uses are switched off (Permissions-
# Policy header on every response). The directory's "use my location" asks
# for the position on this origin only; the video players may go full
# screen. Ad interest groups are refused with browsing-topics (FLoC's
# "interest-cohort" is gone from browsers, which log it as an error).
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "autoplay=()",
        "browsing-topics=()",
        "camera=()",
        "display-capture=()",
        "encrypted-media=()",
        "fullscreen=(self " + " ".join(f'"{host}"' for host in EMBED_FRAME_HOSTS) + ")",
        "geolocation=(self)",
        "gyroscope=()",
        "hid=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "payment=()",
        "publickey-credentials-get=()",
        "screen-wake-lock=()",
        "serial=()",
        "usb=()",
        "xr-spatial-tracking=()",
    ]
)
