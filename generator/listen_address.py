"""Where the preview listens: ``--dev-addr`` read as MkDocs reads it, and checked at once.

MkDocs listens on ``localhost`` or an IP address (``127.0.0.1``, ``0.0.0.0``, ``::1``, an
IPv6 one in brackets or not), nothing else: a host name passed the port's probe, and MkDocs
then refused it as a setting of ``mkdocs.yml``, so the preview waited for a fix there. The
port is tried before anything is generated, and ``bind``'s refusal is told as what it means.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from dataclasses import dataclass

from generator.errors import SetupError

LOCALHOST = "localhost"
NAMES_REFUSED = "the preview listens on localhost or an IP address of this machine, no other name"
IN_USE = {errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", errno.EADDRINUSE)}
"""What ``bind`` says of a port another program holds (Windows gives its own number)."""
NOT_ALLOWED = {errno.EACCES, getattr(errno, "WSAEACCES", errno.EACCES)}
"""What ``bind`` says of a port the system keeps back: below 1024 on Linux, a user's own
program may not listen; Windows reserves ranges of ports for its own services."""
NOT_HERE = {errno.EADDRNOTAVAIL, getattr(errno, "WSAEADDRNOTAVAIL", errno.EADDRNOTAVAIL)}
"""What ``bind`` says of an address that is not this machine's."""
PORTS_TRIED = 20
"""How many ports, from the one after a port in use, are tried for one to suggest."""


@dataclass(frozen=True)
class ListenAddress:
    host: str
    """As a socket takes it: ``localhost``, ``127.0.0.1``, ``::1`` (no brackets)."""
    port: int

    @property
    def setting(self) -> str:
        """As MkDocs' ``dev_addr`` and a web address write it: an IPv6 host in brackets."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.setting}/"


def listen_address(dev_addr: str) -> ListenAddress:
    """``dev_addr`` (``host:port``, as the command line has checked it) as the preview
    listens on it; a host that is no IP address is refused, as MkDocs would refuse it."""
    written, _, port = dev_addr.rpartition(":")
    if written == LOCALHOST:
        return ListenAddress(written, int(port))
    try:
        host = ipaddress.ip_address(written.removeprefix("[").removesuffix("]"))
        return ListenAddress(str(host), int(port))
    except ValueError:
        why = f"'{written}' is not an IP address ({NAMES_REFUSED})"
        raise _elsewhere(dev_addr, int(port), why) from None


def check_port_free(address: ListenAddress) -> None:
    """Fail at once, saying what to do, when the preview cannot listen on ``address``:
    another program holds its port, the system keeps the port back, or the host is no
    address of this machine (a typing slip: ``192.168.1.300``, another machine's)."""
    refusal = _refusal(address)
    if refusal is not None:
        raise _unusable(address, refusal) from None


def _refusal(address: ListenAddress) -> OSError | None:
    """Why the preview could not listen on ``address``; None when it could."""
    family = socket.AF_INET6 if ":" in address.host else socket.AF_INET  # as the server does
    with socket.socket(family) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the dev server does
        try:
            probe.bind((address.host, address.port))
        except OSError as error:
            return error
    return None


def _free_port(host: str, first: int) -> int:
    """The first port from ``first`` on that the preview could listen on at ``host``, to
    suggest: the port after one in use was suggested though it was in use too. ``first``
    itself when none of :data:`PORTS_TRIED` is free."""
    tried = range(first, min(first + PORTS_TRIED, 65536))
    return next((port for port in tried if _refusal(ListenAddress(host, port)) is None), first)


def _unusable(address: ListenAddress, error: OSError) -> SetupError:
    """What ``bind``'s ``error`` means to a trainer. Only EADDRINUSE is a port in use:
    another machine's address was told as one, and the trainer sent to look for a program
    that did not exist."""
    port = address.port
    if error.errno in IN_USE:
        return SetupError(
            f"port {port} on {address.host} is in use by another program (another preview?)",
            "stop that program, or preview on another port: "
            + _command(address, _free_port(address.host, port + 1)),
            "setup.port-in-use",
        )
    if error.errno in NOT_ALLOWED:
        other = _free_port(address.host, port + 1 if port >= 1024 else 8000)
        return SetupError(
            f"the system does not let the preview use port {port} on {address.host} (ports "
            "below 1024 are kept for the system's own services, and Windows keeps some others)",
            f"preview on another port: {_command(address, other)}",
            "setup.port-not-allowed",
        )
    return _elsewhere(address.setting, port, _what_host_is(address.host, error))


def _elsewhere(dev_addr: str, port: int, why: str) -> SetupError:
    return SetupError(
        f"cannot preview on {dev_addr}: {why}",
        "preview on this machine's own address, 127.0.0.1: "
        + _command(ListenAddress("127.0.0.1", port), port),
        "setup.bad-address",
    )


def _what_host_is(host: str, error: OSError) -> str:
    if isinstance(error, socket.gaierror):  # localhost, on a machine that does not know it
        return f"'{host}' is a name this machine does not know"
    if error.errno in NOT_HERE:
        return f"{host} is not an address of this machine"
    return f"the system refuses to listen there ({error.strerror})"


def _command(address: ListenAddress, port: int) -> str:
    """How to preview on ``address``'s host and ``port``, with make and without."""
    setting = ListenAddress(address.host, port).setting
    make = f"make serve PORT={port}" if address.host == "127.0.0.1" else None
    without = f"python -m generator serve --dev-addr {setting}"
    return f"{make} ({without})" if make else without
