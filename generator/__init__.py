"""The qcloud-bmlb generator: spec/ -> IR -> Jinja2 templates -> generated/."""
