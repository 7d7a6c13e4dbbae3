"""Requests of the seed code checked against botocore's SageMaker, S3, STS and SageMaker Runtime models."""
