"""Writes COCO JSON and YOLO txt versions of the Pascal VOC raccoon fixtures.

Reads tests/fixtures/detection/raccoon-voc/annotations/*.xml (unmodified files of the raccoon
dataset, MIT) with Python's own XML reader and writes, beside this script:
  detection-formats/raccoon-coco.json   one COCO detection file for the three images
  detection-formats/raccoon-yolo/*.txt  one YOLO label file per image, and classes.txt
The boxes are the VOC corners: COCO bbox = [xmin, ymin, xmax - xmin, ymax - ymin] in pixels,
YOLO = class, centre and size as fractions of the image (six decimals).

    /usr/bin/python3 tests/fixtures-made/make-detection-formats.py && npx biome format --write tests/fixtures-made/detection-formats
"""
import json
import os
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
VOC = os.path.join(HERE, '..', 'fixtures', 'detection', 'raccoon-voc', 'annotations')
OUT = os.path.join(HERE, 'detection-formats')
YOLO = os.path.join(OUT, 'raccoon-yolo')
os.makedirs(YOLO, exist_ok=True)

classes = ['raccoon']
coco = {'images': [], 'annotations': [], 'categories': [{'id': 1, 'name': 'raccoon', 'supercategory': 'animal'}]}
for image_id, name in enumerate(sorted(os.listdir(VOC)), start=1):
    root = ET.parse(os.path.join(VOC, name)).getroot()
    file_name = root.findtext('filename')
    width = int(root.findtext('size/width'))
    height = int(root.findtext('size/height'))
    coco['images'].append({'id': image_id, 'file_name': file_name, 'width': width, 'height': height})
    lines = []
    for obj in root.findall('object'):
        box = [int(obj.findtext('bndbox/' + k)) for k in ('xmin', 'ymin', 'xmax', 'ymax')]
        w, h = box[2] - box[0], box[3] - box[1]
        coco['annotations'].append({
            'id': len(coco['annotations']) + 1, 'image_id': image_id, 'category_id': 1,
            'bbox': [box[0], box[1], w, h], 'area': w * h, 'iscrowd': 0,
        })
        cx, cy = (box[0] + box[2]) / 2 / width, (box[1] + box[3]) / 2 / height
        lines.append('%d %.6f %.6f %.6f %.6f' % (classes.index(obj.findtext('name')), cx, cy, w / width, h / height))
    with open(os.path.join(YOLO, os.path.splitext(file_name)[0] + '.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
with open(os.path.join(YOLO, 'classes.txt'), 'w') as f:
    f.write('\n'.join(classes) + '\n')
with open(os.path.join(OUT, 'raccoon-coco.json'), 'w') as f:
    json.dump(coco, f, indent=1)
    f.write('\n')
