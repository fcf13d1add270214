"""Pages of the OIT workspace: workspace (items), coordinator tools, public pages."""
