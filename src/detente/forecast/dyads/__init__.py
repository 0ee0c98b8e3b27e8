"""Forecasting relations: will a dyad's net cooperation rise next month, and in what state will it be?"""
