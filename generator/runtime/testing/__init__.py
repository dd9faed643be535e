"""A fake BM load balancer for tests and demos: a real HTTP server on loopback.

    from qcloud_bmlb.testing import FakeBmlb

    with FakeBmlb() as fake:
        fake.add_load_balancer("lb-abcdefgh")
        fake.add_listener("lb-abcdefgh", "lbl-abcdefgh")
        fake.bind("lb-abcdefgh", "lbl-abcdefgh", "cpm-abcdefgh", 1234)
        with fake.client() as client:
            client.unbind_bm_l4_listener_rs(...)

Runs on the standard library; YAML seed files need PyYAML (the ``testing`` extra). The
pytest fixtures ``bmlb_fake`` and ``bmlb_client`` come with the package (see
``qcloud_bmlb.testing.plugin``); ``python -m qcloud_bmlb.testing serve`` runs one on its own.
"""

from ._server import FakeBmlb, Fault, load_seed
from ._state import Binding, FakeApiError

__all__ = ["Binding", "FakeApiError", "FakeBmlb", "Fault", "load_seed"]

#: What ``bmlb_fake`` and ``serve`` start with unless told otherwise: one load balancer whose
#: layer-4 listener has three backends bound.
DEFAULT_SEED = {
    "load_balancers": [
        {
            "id": "lb-abcdefgh",
            "listeners": [
                {
                    "id": "lbl-abcdefgh",
                    "protocol": "tcp",
                    "port": 80,
                    "backends": [
                        {"instance_id": "cpm-abcdefgh", "port": 1234},
                        {"instance_id": "cpm-abcdefgh", "port": 8080},
                        {"instance_id": "cpm-ijklmnop", "port": 1234},
                    ],
                }
            ],
        }
    ]
}
