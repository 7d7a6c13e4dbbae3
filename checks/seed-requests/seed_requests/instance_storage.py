"""Which SageMaker instance families have local (instance store) NVMe storage.

SageMaker refuses a VolumeKmsKeyId on those: "Certain Nitro-based instances include local storage, dependent on
the instance type. Local storage volumes are encrypted using a hardware module on the instance. You can't request a
VolumeKmsKeyId when using an instance type with local storage." (CreateProcessingJob ProcessingClusterConfig and
CreateTrainingJob ResourceConfig, VolumeKmsKeyId, in the SageMaker API reference and botocore's sagemaker model).
The ResourceConfig VolumeSizeInGB documentation names ml.p4d, ml.g4dn and ml.g5 as NVMe families and ml.c5, ml.p2
as EBS-only; the EC2 families behind the others are in "Instance store volumes", "Instance store volume limits for
EC2 instances" (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-store-volumes.html): an instance store
is listed there for c5d, g4dn, g5, g6, g6e, m5d, p3dn, p4d, p4de, p5, p5e, p5en, r5d, trn1, trn1n, trn2 and not for
c4, c5, c5n, c6i, c7i, m4, m5, m6i, m7i, p2, p3, r5, r7i, t2, t3.
"""

LOCAL_STORAGE_FAMILIES = frozenset({
    "c5d", "g4dn", "g5", "g6", "g6e", "m5d", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en", "r5d", "trn1", "trn1n",
    "trn2",
})
EBS_ONLY_FAMILIES = frozenset({
    "c4", "c5", "c5n", "c6i", "c7i", "m4", "m5", "m6i", "m7i", "p2", "p3", "r5", "r7i", "t2", "t3",
})


class UnknownInstanceFamily(LookupError):
    pass


def family(instance_type):
    """ml.m5.large -> m5"""
    parts = instance_type.split(".")
    if len(parts) != 3 or parts[0] != "ml":
        raise UnknownInstanceFamily(f"{instance_type!r} is not an ml.<family>.<size> instance type")
    return parts[1]


def has_local_storage(instance_type):
    name = family(instance_type)
    if name in LOCAL_STORAGE_FAMILIES:
        return True
    if name in EBS_ONLY_FAMILIES:
        return False
    raise UnknownInstanceFamily(
        f"instance family {name} ({instance_type}) is in neither LOCAL_STORAGE_FAMILIES nor EBS_ONLY_FAMILIES "
        "of seed_requests/instance_storage.py: look it up in the EC2 instance store table and add it"
    )
