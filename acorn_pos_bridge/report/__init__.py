from . import acorn_channel_report
