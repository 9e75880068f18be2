"""presslens dashboard: `make run` (or `streamlit run dashboard.py`), then open http://localhost:8501.

The navigation, the sidebar every page shares (article picker, actor filter), then the chosen page.
"""

import streamlit as st

from components import navigation, sidebar


def main() -> None:
    # An emoji favicon is drawn locally; a ":material/...:" one would be fetched from Google.
    st.set_page_config(page_title="presslens", page_icon="📰", layout="wide")
    # The tables' own toolbar would download and copy cells undefused (a quote starting "=" runs as a
    # formula in a spreadsheet): off, whatever config file is read; each table has a defused download.
    st.set_option("client.disableDataExport", True)
    page = st.navigation(navigation.any_case(navigation.pages()))
    with st.sidebar:
        sidebar.show()
    navigation.run(page)


main()
