"""A fake BM load balancer for tests and demos: a real HTTP server on loopback.

    from qcloud_bmlb.testing import DEFAULT_SEED, FakeBmlb

    with FakeBmlb(seed=DEFAULT_SEED) as fake, fake.client() as client:
        client.unbind_bm_l4_listener_rs(...)

It answers every action of the service from a state of its own (load balancers, listeners,
rules, bound hosts and VM IPs, certificates, tasks), seeded from a mapping or a JSON/YAML file
in the shape ``fake.snapshot()`` returns. Runs on the standard library; YAML seed files need
PyYAML (the ``testing`` extra). The pytest fixtures ``bmlb_fake``, ``bmlb_client`` and
``bmlb_async_client`` come with the package (``qcloud_bmlb.testing.plugin``);
``python -m qcloud_bmlb.testing serve`` runs one on its own.
"""

from __future__ import annotations

# Not typing.TYPE_CHECKING: importing typing would cost more than this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._calls import Call, Change
    from ._certs import make_certificate
    from ._fake import FakeBmlb
    from ._faults import Fault
    from ._seeds import SeedError, load_seed
    from ._state import Binding, FakeApiError, Limits

__all__ = [
    "DEFAULT_SEED",
    "Binding",
    "Call",
    "Change",
    "FakeApiError",
    "FakeBmlb",
    "Fault",
    "Limits",
    "SeedError",
    "load_seed",
    "make_certificate",
]

#: Where each name lives. Imported when first used (PEP 562), not with the package: pytest
#: imports this package in every run for its plugin (``qcloud_bmlb.testing.plugin``), and a
#: run whose tests never use the fake must not pay for the fake (asyncio, the HTTP server).
_LAZY = {
    "Call": "_calls", "Change": "_calls", "make_certificate": "_certs", "FakeBmlb": "_fake",
    "Fault": "_faults", "SeedError": "_seeds", "load_seed": "_seeds", "Binding": "_state",
    "FakeApiError": "_state", "Limits": "_state",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


#: What ``bmlb_fake`` and ``serve`` start with unless told otherwise: in ap-guangzhou, a VPC,
#: three physical hosts and a VM IP, and one public load balancer with a layer-4 listener (three
#: backends bound) and a layer-7 one (a domain with one location, one backend bound).
DEFAULT_SEED = {
    "region": "ap-guangzhou",
    "vpcs": [
        {"id": "vpc-abcdefgh", "vpc_id": 1000,
         "subnets": [{"id": "subnet-abcdefgh", "subnet_id": 1}]},
    ],
    "instances": [
        {"id": "cpm-abcdefgh", "alias": "web-1", "lan_ip": "10.1.0.2", "mgt_ip": "10.2.0.2"},
        {"id": "cpm-ijklmnop", "alias": "web-2", "lan_ip": "10.1.0.3", "mgt_ip": "10.2.0.3"},
        {"id": "cpm-qrstuvwx", "alias": "web-3", "lan_ip": "10.1.0.4", "mgt_ip": "10.2.0.4"},
    ],
    "vm_ips": [{"ip": "10.0.0.5"}],
    "load_balancers": [
        {
            "id": "lb-abcdefgh",
            "name": "demo",
            "un_vpc_id": "vpc-abcdefgh",
            "listeners": [
                {
                    "id": "lbl-abcdefgh",
                    "name": "tcp-80",
                    "protocol": "tcp",
                    "port": 80,
                    "backends": [
                        {"instance_id": "cpm-abcdefgh", "port": 1234},
                        {"instance_id": "cpm-abcdefgh", "port": 8080},
                        {"instance_id": "cpm-ijklmnop", "port": 1234},
                    ],
                },
                {
                    "id": "lbl-abcdefge",
                    "name": "http-8080",
                    "protocol": "http",
                    "port": 8080,
                    "domains": [
                        {
                            "id": "dm-abcdefgh",
                            "domain": "www.example.com",
                            "locations": [
                                {"id": "loc-abcdefgh", "url": "/",
                                 "backends": [{"instance_id": "cpm-abcdefgh", "port": 80}]},
                            ],
                        }
                    ],
                },
            ],
        }
    ],
}  # fmt: skip
