"""Content-Security-Policy header values from the settings' dicts (or strings)."""


def build_policy(policy):
    """``{"default-src": ["'self'"], "upgrade-insecure-requests": True}`` -> header value.

    A string is used as it is; a directive whose value is True has no sources;
    one whose value is False or empty is left out.
    """
    if isinstance(policy, str):
        return policy
    parts = []
    for directive, sources in policy.items():
        if sources is True:
            parts.append(directive)
        elif sources:
            if isinstance(sources, str):
                sources = [sources]
            parts.append(f"{directive} {' '.join(sources)}")
    return "; ".join(parts)


def is_admin_path(path, prefixes):
    return any(path.startswith(prefix) for prefix in prefixes)
