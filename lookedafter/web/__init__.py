"""The web application: the case register, worklists and dashboards (Django).

Engine packages (schema, ssda903, synth, lib, timescales, measures, validation) never import this.
"""
