"""`streamlit run serve.py`: the dashboard (dashboard.py) behind one small middleware, so a direct link
to a sub-page reaches the server at once (components/server_base.py). `streamlit run dashboard.py` works
too, with two harmless 404s in the browser console on a direct sub-page link."""

import streamlit as st
from starlette.middleware import Middleware
from streamlit import config

from components.server_base import RootBaseUrl

app = st.App("dashboard.py", middleware=[Middleware(RootBaseUrl, base_path=config.get_option("server.baseUrlPath") or "")])
